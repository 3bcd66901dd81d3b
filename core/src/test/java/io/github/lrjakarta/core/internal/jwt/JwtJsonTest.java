package io.github.lrjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JwtJsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonObject parse(String s) {
        byte[] b = utf8(s);
        return JwtJson.parseObject(b, b.length);
    }

    @Test
    void parsesOneObject() {
        assertThat(parse(" {\"a\":1,\"b\":{\"c\":[true,null]}} ").getJsonObject("b").getJsonArray("c")).hasSize(2);
    }

    @Test
    void honoursTheLengthArgument() {
        byte[] b = utf8("{\"a\":1}garbage");
        assertThat(JwtJson.parseObject(b, 7).getInt("a")).isEqualTo(1);
    }

    @Test
    void rejectsTrailingContent() {
        assertThatThrownBy(() -> parse("{\"a\":1}{}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> parse("{\"a\":1} x")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> parse("{\"a\":1}]")).isInstanceOf(JsonException.class);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> parse("{\"iss\":\"a\",\"iss\":\"b\"}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> parse("{\"o\":{\"x\":1,\"x\":2}}")).isInstanceOf(JsonException.class);
    }

    @Test
    void rejectsNonObjects() {
        for (String s : new String[] {"[1]", "1", "\"s\"", "null", "", "{", "{\"a\":}", "\u0000"}) {
            assertThatThrownBy(() -> parse(s)).as(s).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void limitsNesting() {
        String ok = "{\"a\":" + "[".repeat(JwtJson.MAX_DEPTH - 2) + "]".repeat(JwtJson.MAX_DEPTH - 2) + "}";
        assertThat(parse(ok)).containsKey("a");
        String deep = "{\"a\":" + "[".repeat(JwtJson.MAX_DEPTH) + "]".repeat(JwtJson.MAX_DEPTH) + "}";
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(JsonException.class);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] b = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> JwtJson.parseObject(b, b.length)).isInstanceOf(JsonException.class);
    }
}
