package io.github.lrjakarta.core.internal.jwt;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a LoginRocket key set ({@code /connect/jwks}) ourselves, because common JOSE libraries
 * cannot: LoginRocket puts a bare SubjectPublicKeyInfo in {@code x5c[0]}, not a certificate.
 *
 * <p>Accepted per key: {@code x5c[0]} as SubjectPublicKeyInfo or as a certificate, else {@code n}
 * and {@code e}. Keys are skipped (with a reason) if they have no {@code kid}, a {@code kty} other
 * than RSA, a {@code use} other than sig, an {@code alg} other than RS256, unusable key material,
 * {@code x5c} and {@code n} that disagree, or a {@code kid} that appears twice.
 */
public final class JwksParser {

    private JwksParser() {}

    /** Usable keys by kid, and why others were skipped (for the log). */
    public static final class Result {
        public final Map<String, RSAPublicKey> keys;
        public final List<String> skipped;

        Result(Map<String, RSAPublicKey> keys, List<String> skipped) {
            this.keys = keys;
            this.skipped = skipped;
        }
    }

    /**
     * Parses a key set.
     *
     * @throws IllegalArgumentException if the body is not a JSON object with a {@code keys} array
     */
    public static Result parse(byte[] body, int length) {
        JsonObject set;
        try {
            set = JwtJson.parseObject(body, length);
        } catch (JsonException e) {
            throw new IllegalArgumentException("the key set is not a JSON object");
        }
        JsonValue keys = set.get("keys");
        if (keys == null || keys.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("the key set has no 'keys' array");
        }
        Map<String, RSAPublicKey> out = new HashMap<>();
        Set<String> duplicates = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (JsonValue v : keys.asJsonArray()) {
            String where = "key #" + index++;
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                skipped.add(where + ": not an object");
                continue;
            }
            JsonObject jwk = v.asJsonObject();
            String kid = stringOrNull(jwk, "kid");
            if (kid == null || kid.isEmpty()) {
                skipped.add(where + ": no 'kid'");
                continue;
            }
            where = "key " + SafeText.quote(kid);
            try {
                RSAPublicKey key = read(jwk);
                if (out.putIfAbsent(kid, key) != null) {
                    duplicates.add(kid);
                }
            } catch (IllegalArgumentException e) {
                skipped.add(where + ": " + e.getMessage());
            }
        }
        for (String kid : duplicates) {
            // Two keys under one kid: we cannot know which one signs, so trust neither.
            out.remove(kid);
            skipped.add("key " + SafeText.quote(kid) + ": the kid appears more than once");
        }
        return new Result(Map.copyOf(out), List.copyOf(skipped));
    }

    /**
     * A JWK member as a string, or null if it is absent or of another type. Unlike a token's claims,
     * a key that cannot be read is skipped (and reported), not an error of the whole set.
     */
    private static String stringOrNull(JsonObject jwk, String name) {
        return jwk.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static RSAPublicKey read(JsonObject jwk) {
        requireIfPresent(jwk, "kty", "RSA");
        requireIfPresent(jwk, "use", "sig");
        requireIfPresent(jwk, "alg", "RS256");
        String n = stringOrNull(jwk, "n");
        String e = stringOrNull(jwk, "e");
        RSAPublicKey fromNe = n != null && e != null ? PublicKeys.fromModulusExponent(n, e) : null;
        RSAPublicKey fromX5c = x5c(jwk);
        if (fromX5c != null && fromNe != null && (!fromX5c.getModulus().equals(fromNe.getModulus())
                || !fromX5c.getPublicExponent().equals(fromNe.getPublicExponent()))) {
            throw new IllegalArgumentException("'x5c' and 'n' hold different keys");
        }
        if (fromX5c != null) {
            return fromX5c;
        }
        if (fromNe != null) {
            return fromNe;
        }
        throw new IllegalArgumentException("neither 'x5c' nor 'n'/'e'");
    }

    private static RSAPublicKey x5c(JsonObject jwk) {
        JsonValue x5c = jwk.get("x5c");
        if (x5c == null || x5c.getValueType() != JsonValue.ValueType.ARRAY || x5c.asJsonArray().isEmpty()) {
            return null;
        }
        JsonValue first = x5c.asJsonArray().get(0);
        if (first.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("'x5c[0]' is not a string");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(((JsonString) first).getString());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("'x5c[0]' is not base64");
        }
        try {
            return PublicKeys.fromSpki(der); // what LoginRocket serves
        } catch (IllegalArgumentException notSpki) {
            try {
                return PublicKeys.fromCertificate(der); // what RFC 7517 specifies
            } catch (IllegalArgumentException notCertificate) {
                throw new IllegalArgumentException("'x5c[0]': " + notSpki.getMessage() + ", and "
                        + notCertificate.getMessage());
            }
        }
    }

    private static void requireIfPresent(JsonObject jwk, String member, String expected) {
        JsonValue v = jwk.get(member);
        if (v != null && !(v instanceof JsonString && ((JsonString) v).getString().equals(expected))) {
            throw new IllegalArgumentException("'" + member + "' is not " + expected);
        }
    }
}
