package io.github.lrjakarta.core.internal;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The builder side of one request object: its typed fields in a fixed order, the session id for
 * calls that act on a session, and the {@code extra(...)} fields that let callers send fields this
 * version does not know yet. The public request classes only declare their setters and delegate
 * here, so required-field checks, field order and the secret-free {@code toString()} are the same
 * for all of them.
 *
 * <p>Extra fields cannot replace a typed field (there must be one way to set a password) and cannot
 * be called {@code session}: session ids always travel as the {@code session} query parameter.
 * Values are limited to what both JSON and form encoding can carry, plus {@link JsonValue}s for
 * JSON-only structures. Not thread-safe; used inside builders.
 */
public final class RequestFields {

    /**
     * A built request: what the client sends. Immutable.
     *
     * @param requestName the request class name
     * @param sessionId the session id for the {@code session} query parameter, or null if the call
     *     takes none
     * @param fields the body fields in wire names and order, extras last; unmodifiable
     */
    public record Built(String requestName, String sessionId, Map<String, Object> fields) {

        /** The names of the fields that are set; never their values, nor the session id. */
        @Override
        public String toString() {
            return requestName + (sessionId == null ? "" : "[session=present] ") + fields.keySet();
        }
    }

    private final String requestName;
    private final boolean takesSession;
    private final List<String> required = new ArrayList<>();
    // typed wire name -> value; insertion order is the wire order, null means not set
    private final Map<String, String> typed = new LinkedHashMap<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private String sessionId;

    private RequestFields(String requestName, boolean takesSession) {
        this.requestName = requestName;
        this.takesSession = takesSession;
    }

    /**
     * Fields of a request that carries no session id.
     *
     * @param requestName the request class name, for messages and {@code toString()}
     */
    public static RequestFields of(String requestName) {
        return new RequestFields(requestName, false);
    }

    /**
     * Fields of a request that needs a session id, set with {@link #sessionId(String)}.
     *
     * @param requestName the request class name, for messages and {@code toString()}
     */
    public static RequestFields withSession(String requestName) {
        return new RequestFields(requestName, true);
    }

    /**
     * Declares typed fields that {@link #build()} insists on, in wire order before later declarations.
     *
     * @param wireNames the fields' wire names; each builder setter is the name in camelCase
     * @return this
     */
    public RequestFields required(String... wireNames) {
        optional(wireNames);
        required.addAll(List.of(wireNames));
        return this;
    }

    /**
     * Declares typed fields that may be left unset (and are then not sent), in wire order.
     *
     * @param wireNames the fields' wire names
     * @return this
     */
    public RequestFields optional(String... wireNames) {
        for (String name : wireNames) {
            typed.put(name, null);
        }
        return this;
    }

    /**
     * Sets or, with null, unsets a typed field.
     *
     * @param wireName a declared field's wire name
     * @param value the value, or null
     */
    public void set(String wireName, String value) {
        if (!typed.containsKey(wireName)) {
            throw new IllegalArgumentException(requestName + " has no typed field '" + wireName + "'");
        }
        typed.put(wireName, value);
    }

    /**
     * Sets the session id of a request made with {@link #withSession(String)}.
     *
     * @param sessionId the session id, or null
     */
    public void sessionId(String sessionId) {
        if (!takesSession) {
            throw new IllegalStateException(requestName + " takes no session id");
        }
        this.sessionId = sessionId;
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
        if (typed.containsKey(name)) {
            throw new IllegalArgumentException(requestName + ".extra(\"" + name + "\", ...) is not allowed: '" + name
                    + "' is a typed field of " + requestName + "; use its builder setter");
        }
        extra.put(name, checkValue(name, value));
    }

    /**
     * The request as set so far: the session id, then the typed fields that are set, in declared
     * order, then the extras.
     *
     * @throws NullPointerException if the session id (first) or a required field is missing; the
     *     message names the builder setter
     */
    public Built build() {
        if (takesSession) {
            Objects.requireNonNull(sessionId, () -> requestName + ": sessionId is required");
        }
        for (String name : required) {
            Objects.requireNonNull(typed.get(name), () -> requestName + ": " + setterName(name) + " is required");
        }
        Map<String, Object> all = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (value != null) {
                all.put(name, value);
            }
        });
        all.putAll(extra);
        return new Built(requestName, sessionId, Collections.unmodifiableMap(all));
    }

    /** {@code current_password} -> {@code currentPassword}: the request builders name setters so. */
    private static String setterName(String wireName) {
        StringBuilder sb = new StringBuilder(wireName.length());
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
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
