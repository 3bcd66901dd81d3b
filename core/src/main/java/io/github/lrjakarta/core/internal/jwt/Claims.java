package io.github.lrjakarta.core.internal.jwt;

import java.math.BigDecimal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Strict readers for JWT claims. An optional claim may be absent or JSON {@code null}; present with
 * the wrong JSON type, it makes the token malformed ({@link IllegalArgumentException}), whether it
 * decides validity ({@code sub}, {@code sid}, {@code exp}, {@code iat}, {@code nbf}) or is a profile
 * field: LoginRocket never sends such a token, so one that has it was made by someone else, and a
 * field silently read as absent would hide that.
 *
 * <p>Messages name the claim and the expected type but never echo claim values.
 */
public final class Claims {

    /** 9999-12-31T23:59:59Z: larger values are nonsense and would overflow millisecond arithmetic. */
    static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(MAX_EPOCH_SECONDS);

    /** Returned by {@link #optSeconds} for an absent claim; outside the accepted range. */
    public static final long ABSENT = Long.MIN_VALUE;

    private Claims() {}

    /**
     * The claim as a string, or {@code null} if it is absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException if it is present and not a string
     */
    public static String optString(JsonObject o, String name) {
        JsonValue v = present(o, name);
        if (v == null) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(name, "a string", v);
        }
        return ((JsonString) v).getString();
    }

    /**
     * The claim as a boolean, or {@code null} if it is absent or JSON {@code null}.
     *
     * @throws IllegalArgumentException if it is present and not {@code true} or {@code false}
     */
    public static Boolean optBoolean(JsonObject o, String name) {
        JsonValue v = present(o, name);
        if (v == null) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw wrongType(name, "a boolean", v);
    }

    /**
     * The claim as an object, or the shared empty object if it is absent, JSON {@code null} or empty.
     *
     * @throws IllegalArgumentException if it is present and not an object
     */
    public static JsonObject optObject(JsonObject o, String name) {
        JsonValue v = present(o, name);
        if (v == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "an object", v);
        }
        return v.asJsonObject().isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : v.asJsonObject();
    }

    /**
     * The claim as an array whose elements all have one type, or the empty array if it is absent or
     * JSON {@code null}.
     *
     * @param elements the type every element must have
     * @param elementName how the message names that type ("strings", "objects")
     * @throws IllegalArgumentException if it is present and not an array, or an element has another type
     */
    public static JsonArray optArrayOf(JsonObject o, String name, JsonValue.ValueType elements, String elementName) {
        JsonValue v = present(o, name);
        if (v == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(name, "an array of " + elementName, v);
        }
        for (JsonValue e : v.asJsonArray()) {
            if (e.getValueType() != elements) {
                throw new IllegalArgumentException("claim '" + name + "' must be an array of " + elementName
                        + ", but an element is " + typeName(e));
            }
        }
        return v.asJsonArray();
    }

    private static JsonValue present(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    private static IllegalArgumentException wrongType(String name, String expected, JsonValue actual) {
        return new IllegalArgumentException("claim '" + name + "' must be " + expected + ", got " + typeName(actual));
    }

    /**
     * A required non-empty string claim.
     *
     * @throws IllegalArgumentException if it is absent, not a string, or empty
     */
    public static String requiredString(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new IllegalArgumentException("required claim '" + name + "' is missing");
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException(
                    "claim '" + name + "' must be a string, got " + typeName(v));
        }
        String s = ((JsonString) v).getString();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("claim '" + name + "' must not be empty");
        }
        return s;
    }

    /**
     * A required NumericDate claim in whole seconds (fractions are truncated).
     *
     * @throws IllegalArgumentException if it is absent, not a number, or out of range
     */
    public static long requiredSeconds(JsonObject o, String name) {
        long s = optSeconds(o, name);
        if (s == ABSENT) {
            throw new IllegalArgumentException("required claim '" + name + "' is missing");
        }
        return s;
    }

    /**
     * An optional NumericDate claim in whole seconds, or {@link #ABSENT}.
     *
     * @throws IllegalArgumentException if it is present but not a number in 0..year 9999
     */
    public static long optSeconds(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null) {
            return ABSENT;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException("claim '" + name
                    + "' must be a number of seconds since the epoch (NumericDate), got " + typeName(v));
        }
        JsonNumber n = (JsonNumber) v;
        long s;
        if (n.isIntegral()) {
            // Parsson keeps integral values as int/long, so this is the cheap path for real tokens.
            try {
                s = n.longValueExact();
            } catch (ArithmeticException e) {
                s = -1;
            }
        } else {
            BigDecimal d = n.bigDecimalValue();
            if (d.signum() < 0 || d.compareTo(MAX_DECIMAL) > 0) {
                s = -1;
            } else if (d.compareTo(BigDecimal.ONE) < 0) {
                s = 0; // longValue() of e.g. 1e-999999999 would compute 10^999999999
            } else {
                s = d.longValue(); // >= 1 and bounded in length by the parser, so the scale is small
            }
        }
        if (s < 0 || s > MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException("claim '" + name + "' is out of range for a NumericDate");
        }
        return s;
    }

    static String typeName(JsonValue v) {
        switch (v.getValueType()) {
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case TRUE:
            case FALSE:
                return "a boolean";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            default:
                return "null";
        }
    }
}
