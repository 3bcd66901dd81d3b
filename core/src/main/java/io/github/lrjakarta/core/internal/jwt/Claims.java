package io.github.lrjakarta.core.internal.jwt;

import java.math.BigDecimal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Defensive readers for JWT claims: optional claims of the wrong type read as absent (a token is
 * never rejected over a profile field), while the claims that decide validity ({@code sub},
 * {@code sid}, {@code exp}, {@code iat}, {@code nbf}) must have the right type or the token is
 * malformed.
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

    /** The claim as a string, or {@code null} if it is absent, {@code null} or not a string. */
    public static String optString(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null;
    }

    /** The claim as a boolean, or {@code null} if it is absent or not a JSON boolean. */
    public static Boolean optBoolean(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        return v == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    /** The claim as an object, or the shared empty object if it is absent, empty or not an object. */
    public static JsonObject optObject(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT && !v.asJsonObject().isEmpty()
                ? v.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
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
