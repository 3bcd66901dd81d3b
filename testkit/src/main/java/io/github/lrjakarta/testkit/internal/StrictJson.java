package io.github.lrjakarta.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;

/**
 * Reads a request body as exactly one JSON value. JSON-P's {@code JsonReader} stops after the
 * first value and ignores what follows, so {@code {"a":1}garbage} would pass; LoginRocket answers
 * such a body 400, and so does the emulator.
 */
final class StrictJson {

    private StrictJson() {
    }

    /**
     * The one JSON value in {@code body}, white space around it allowed.
     *
     * @throws JsonException for invalid JSON or content after the value
     * @throws RuntimeException Parsson's bare one for nesting past its depth limit
     */
    static JsonValue read(byte[] body) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext()) {
                throw new JsonException("empty body");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("content after the JSON value");
            }
            return value;
        }
    }
}
