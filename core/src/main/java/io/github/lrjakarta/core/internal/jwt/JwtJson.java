package io.github.lrjakarta.core.internal.jwt;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON-P parsing of token segments and key sets. */
public final class JwtJson {

    /** Claims and key sets nest about four levels; the header is parsed before any signature check. */
    static final int MAX_DEPTH = 64;

    /**
     * Created once: {@code Json.createReader} looks the provider up through ServiceLoader on every
     * call (measured at 40× the cost of a cached factory). Duplicate member names are rejected so
     * that no two parsers can disagree about which {@code exp} or {@code iss} counts. A parser (not
     * a reader) is used because Parsson's {@code readObject} ignores content after the object.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys", Boolean.TRUE,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH));

    private JwtJson() {}

    /**
     * Parses UTF-8 JSON that must be exactly one object.
     *
     * @throws JsonException if it is not, or is not valid UTF-8 (the message may quote a position
     *     or a character code, never content)
     */
    public static JsonObject parseObject(byte[] utf8, int length) {
        try (JsonParser p = PARSERS.createParser(new StringReader(text(utf8, length)))) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw new JsonException("not a JSON object");
            }
            JsonObject object = p.getObject();
            if (p.hasNext()) {
                throw new JsonException("content after the JSON object");
            }
            return object;
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson reports some limits (nesting depth) as bare RuntimeExceptions; for untrusted
            // input every parser failure means "not JSON", not a bug worth a stack trace in the log
            throw new JsonException("not a single JSON object");
        }
    }

    /**
     * Decodes to a String: token claims are nearly always ASCII, which needs no decoder at all
     * (parsing from an InputStream costs an 8 KiB decoder buffer per call); anything else goes
     * through a decoder that reports malformed UTF-8 instead of replacing it.
     */
    private static String text(byte[] utf8, int length) {
        for (int i = 0; i < length; i++) {
            if (utf8[i] < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8, 0, length)).toString();
                } catch (CharacterCodingException e) {
                    throw new JsonException("not valid UTF-8");
                }
            }
        }
        return new String(utf8, 0, length, StandardCharsets.ISO_8859_1);
    }
}
