package io.github.lrjakarta.core.internal;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects the body fields of one request object: the typed ones in a fixed order, then the
 * {@code extra(...)} ones that let callers send fields this version does not know yet.
 *
 * <p>Extra fields cannot replace a typed field (there must be one way to set a password) and cannot
 * be called {@code session}: session ids always travel as the {@code session} query parameter.
 * Values are limited to what both JSON and form encoding can carry, plus {@link JsonValue}s for
 * JSON-only structures. Not thread-safe; used inside builders.
 */
public final class RequestFields {

    private final String requestName;
    private final Set<String> typedNames;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    /**
     * @param requestName the request class name, for error messages
     * @param typedNames the wire names of the request's typed fields
     */
    public RequestFields(String requestName, String... typedNames) {
        this.requestName = requestName;
        this.typedNames = Set.of(typedNames);
    }

    /**
     * Adds or replaces an extra field.
     *
     * @param name the wire name
     * @param value a String, Boolean, integral Number, BigDecimal, finite Double/Float, or JsonValue
     * @throws IllegalArgumentException for a reserved name or an unsupported value
     */
    public void extra(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(requestName + ".extra(...) needs a non-blank field name");
        }
        if (name.equals("session")) {
            throw new IllegalArgumentException(requestName + ".extra(\"session\", ...) is not allowed: the session id"
                    + " always travels as the 'session' query parameter; pass it to the typed sessionId(...) setter"
                    + " or the client method");
        }
        if (typedNames.contains(name)) {
            throw new IllegalArgumentException(requestName + ".extra(\"" + name + "\", ...) is not allowed: '" + name
                    + "' is a typed field of " + requestName + "; use its builder setter");
        }
        extra.put(name, checkValue(name, value));
    }

    /**
     * The fields: the given typed name/value pairs whose value is not null, in order, then the extras.
     *
     * @param typedPairs alternating wire names and values
     * @return an unmodifiable, ordered map
     */
    public Map<String, Object> build(Object... typedPairs) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int i = 0; i < typedPairs.length; i += 2) {
            if (typedPairs[i + 1] != null) {
                all.put((String) typedPairs[i], typedPairs[i + 1]);
            }
        }
        all.putAll(extra);
        return Collections.unmodifiableMap(all);
    }

    private Object checkValue(String name, Object value) {
        Objects.requireNonNull(value, () -> requestName + ".extra(\"" + name
                + "\", null): pass JsonValue.NULL to send an explicit JSON null");
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof BigDecimal
                || value instanceof JsonValue) {
            return value;
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return value;
        }
        throw new IllegalArgumentException(requestName + ".extra(\"" + name + "\", ...): unsupported value type "
                + value.getClass().getName() + "; use a String, Boolean, integral Number, BigDecimal, finite Double"
                + " or a jakarta.json.JsonValue");
    }
}
