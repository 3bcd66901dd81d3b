package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.BodyEncoding;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies and response parsing with JSON-P factories created once per client.
 *
 * <p>{@code Json.createReader(...)} and friends look the provider up through the ServiceLoader on every call
 * (measured 40x slower than a cached factory), so the provider is resolved once and the parser and
 * generator factories are reused; JSON-P factories are thread-safe.
 *
 * <p>A response with a member name twice is not JSON this client accepts, the same rule as for
 * token claims ({@code JwtJson}): LoginRocket never sends one, and a body with two {@code token}s
 * or two {@code session}s (a tampering proxy, two concatenated answers) would be read one way here
 * and another way by whatever the application forwards {@link io.github.lrjakarta.core.LoginResult#body()} to.
 */
public final class JsonCodec {

    /** An encoded body and its media type. */
    public record Body(byte[] bytes, String contentType) {}

    private final JsonParserFactory parsers;
    private final JsonGeneratorFactory generators;

    public JsonCodec() {
        JsonProvider provider = JsonProvider.provider();
        this.parsers = provider.createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", Boolean.TRUE));
        this.generators = provider.createGeneratorFactory(Map.of());
    }

    /**
     * Encodes body fields.
     *
     * @throws IllegalArgumentException if a field cannot be form encoded (a JSON object or array)
     */
    public Body encode(Map<String, Object> fields, BodyEncoding encoding) {
        return encoding == BodyEncoding.FORM ? form(fields) : json(fields);
    }

    /**
     * Parses a body that must be a JSON object (any encoding JSON allows is detected).
     *
     * @return the object, or empty if the body is not JSON, not an object, or names a member twice
     */
    public Optional<JsonObject> parseObject(byte[] body) {
        // a parser rather than a JsonReader: the reader stops after the first value and would
        // accept trailing garbage such as a second, concatenated response
        try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (RuntimeException e) {
            // JsonParsingException is a JsonException, but Parsson reports its nesting limit as a
            // bare RuntimeException: for a server's body every parser failure means "not JSON"
            return Optional.empty();
        }
    }

    private Body json(Map<String, Object> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = generators.createGenerator(out, StandardCharsets.UTF_8)) {
            g.writeStartObject();
            fields.forEach((name, value) -> writeField(g, name, value));
            g.writeEnd();
        }
        return new Body(out.toByteArray(), "application/json");
    }

    private static void writeField(JsonGenerator g, String name, Object value) {
        if (value instanceof String s) {
            g.write(name, s);
        } else if (value instanceof Boolean b) {
            g.write(name, b);
        } else if (value instanceof BigDecimal d) {
            g.write(name, d);
        } else if (value instanceof BigInteger i) {
            g.write(name, i);
        } else if (value instanceof Double || value instanceof Float) {
            g.write(name, ((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            g.write(name, n.longValue());
        } else {
            g.write(name, (JsonValue) value);
        }
    }

    private static Body form(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder(128);
        fields.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(formValue(name, value), StandardCharsets.UTF_8));
        });
        return new Body(sb.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    private static String formValue(String name, Object value) {
        if (!(value instanceof JsonValue jv)) {
            return value.toString();
        }
        switch (jv.getValueType()) {
            case STRING:
                return ((JsonString) jv).getString();
            case NUMBER:
                return ((JsonNumber) jv).toString();
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case NULL:
                return "";
            default:
                throw new IllegalArgumentException("field '" + name + "' holds a JSON " + jv.getValueType()
                        + ", which form encoding cannot carry; use BodyEncoding.JSON for this call's client");
        }
    }
}
