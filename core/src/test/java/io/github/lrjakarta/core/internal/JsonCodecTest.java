package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.BodyEncoding;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();

    private static Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", "dana+test@example.org");
        m.put("password", "p&ss=wörd with space");
        m.put("remember", Boolean.TRUE);
        m.put("count", 3);
        m.put("ratio", new BigDecimal("0.5"));
        m.put("nothing", JsonValue.NULL);
        return m;
    }

    @Test
    void jsonKeepsTypesAndOrder() {
        JsonCodec.Body b = codec.encode(fields(), BodyEncoding.JSON);
        assertThat(b.contentType()).isEqualTo("application/json");
        assertThat(new String(b.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"email\":\"dana+test@example.org\","
                + "\"password\":\"p&ss=wörd with space\",\"remember\":true,\"count\":3,\"ratio\":0.5,\"nothing\":null}");
    }

    @Test
    void formEncodesUtf8() {
        JsonCodec.Body b = codec.encode(fields(), BodyEncoding.FORM);
        assertThat(b.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(new String(b.bytes(), StandardCharsets.US_ASCII)).isEqualTo("email=dana%2Btest%40example.org"
                + "&password=p%26ss%3Dw%C3%B6rd+with+space&remember=true&count=3&ratio=0.5&nothing=");
    }

    @Test
    void formRefusesStructuredValues() {
        Map<String, Object> m = Map.of("profile", Json.createObjectBuilder().add("a", 1).build());
        assertThatThrownBy(() -> codec.encode(m, BodyEncoding.FORM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile")
                .hasMessageContaining("BodyEncoding.JSON");
        assertThat(new String(codec.encode(m, BodyEncoding.JSON).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"profile\":{\"a\":1}}");
    }

    @Test
    void parseObjectAcceptsOnlyObjects() {
        assertThat(codec.parseObject("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isPresent();
        assertThat(codec.parseObject("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject("\"s\"".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject("{\"a\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject(new byte[0])).isEmpty();
    }

    @Test
    void parseObjectRefusesAMemberNamedTwiceAtAnyDepth() {
        assertThat(codec.parseObject("{\"token\":\"a\",\"token\":\"b\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject("{\"o\":{\"k\":1,\"k\":2}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(codec.parseObject("{\"o\":{\"k\":1},\"k\":2}".getBytes(StandardCharsets.UTF_8))).isPresent();
        assertThat(codec.parseObject("<html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
