package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.TokenVerification;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies one compact JWS against a {@link KeySource} and the claim rules, on the JDK's own
 * crypto ({@code Signature}/{@code Mac}) and JSON-P.
 *
 * <p>Order of work: structure and size checks, then the header (the only part parsed before the
 * signature is checked), the algorithm pin, the key, the signature, and only then the payload. So
 * an unauthenticated payload never reaches the JSON parser and no claim check can be reached
 * without a valid signature. Claim checks run issuer, realm, expiry, not-before, issued-at, age.
 * An expired token that passed everything else reports its session as {@link
 * TokenVerification#expiredSession()}.
 *
 * <p>Thread-safe. State: the key source, and a few recently verified header segments (so the
 * identical header of every token of a realm is parsed once, not per token).
 */
public final class JwsVerifier {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    /** A kid is an identifier; anything longer is not a LoginRocket token. */
    private static final int MAX_KID_LENGTH = 256;

    /** A realm has one or two signing keys at a time; a few slots cover rotation overlap. */
    private static final int RECENT_HEADERS = 4;

    private final KeySource keys;
    private final String issuer;
    private final String realm;
    private final long leewayMillis;
    private final long maxAgeMillis;
    private final Clock clock;
    /** Recently verified header segments, newest first; replaced whole (copy on write). */
    private volatile Header[] recent = new Header[RECENT_HEADERS];

    /**
     * @param maxAgeMillis maximum token age, or a negative value for none
     * @param realm expected {@code rid}, or {@code null} for any
     */
    public JwsVerifier(KeySource keys, String issuer, String realm, long leewayMillis, long maxAgeMillis, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.realm = realm;
        this.leewayMillis = leewayMillis;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** Verifies a token (already checked to be non-empty and within the size limit). */
    public TokenVerification verify(String token) {
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            return segmentCountFailure(token);
        }
        if (dot1 == 0 || dot2 == dot1 + 1) {
            return malformed("the header or payload segment is empty");
        }
        if (token.indexOf('=') >= 0) {
            return malformed("base64url padding ('=') is not allowed in a compact JWS");
        }
        // base64url is ASCII. Not String.getBytes: it turns a surrogate pair into one byte, and the
        // dot positions found in the String would no longer match the bytes.
        byte[] ascii = new byte[token.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = token.charAt(i);
            if (c > 0x7E) {
                return malformed("the token has a character outside base64url");
            }
            ascii[i] = (byte) c;
        }
        String nonCanonical = nonCanonicalSegment(token, dot1, dot2);
        if (nonCanonical != null) {
            return malformed("the " + nonCanonical + " segment is not canonical base64url (an impossible length, or"
                    + " unused bits set in its last character): one token must have one spelling");
        }

        Header header = recentHeader(token, dot1);
        if (header == null) {
            try {
                header = parseHeader(ascii, dot1);
            } catch (HeaderException e) {
                return e.verification;
            }
        }
        String kid = header.kid;

        KeyResolution resolution = keys.resolve(kid);
        VerificationKey key = resolution.key();
        if (key == null) {
            return TokenVerification.invalid(resolution.failure(), resolution.detail());
        }

        byte[] signature;
        try {
            ByteBuffer sig = B64URL.decode(ByteBuffer.wrap(ascii, dot2 + 1, ascii.length - dot2 - 1));
            signature = sig.limit() == sig.array().length ? sig.array() : Arrays.copyOf(sig.array(), sig.limit());
        } catch (IllegalArgumentException e) {
            return malformed("the signature segment is not valid base64url");
        }
        if (signature.length == 0 || !key.verify(ascii, dot2, signature)) {
            return TokenVerification.invalid(TokenFailure.BAD_SIGNATURE, "the signature does not match "
                    + (kid == null ? "" : "key " + SafeText.quote(kid) + " of ") + keys.describe()
                    + ": the token was altered or signed by another key");
        }
        remember(header, token, dot1);

        JsonObject claims;
        try {
            ByteBuffer decoded = B64URL.decode(ByteBuffer.wrap(ascii, dot1 + 1, dot2 - dot1 - 1));
            claims = JwtJson.parseObject(decoded.array(), decoded.limit());
        } catch (IllegalArgumentException e) {
            return malformed("the payload segment is not valid base64url");
        } catch (JsonException e) {
            return malformed("the payload is not a JSON object");
        }
        return checkClaims(claims, token);
    }

    /**
     * Parses and vets the header: the only part read before the signature is checked.
     *
     * @throws HeaderException carrying the outcome for a header that is refused
     */
    private Header parseHeader(byte[] ascii, int dot1) throws HeaderException {
        JsonObject header;
        try {
            ByteBuffer decoded = B64URL.decode(ByteBuffer.wrap(ascii, 0, dot1));
            header = JwtJson.parseObject(decoded.array(), decoded.limit());
        } catch (IllegalArgumentException e) {
            throw new HeaderException(malformed("the header segment is not valid base64url"));
        } catch (JsonException e) {
            throw new HeaderException(malformed("the header is not a JSON object"));
        }
        JsonValue alg = header.get("alg");
        if (!(alg instanceof JsonString)) {
            throw new HeaderException(malformed("the header has no 'alg' string"));
        }
        String algorithm = ((JsonString) alg).getString();
        if (algorithm.equalsIgnoreCase("none")) {
            throw new HeaderException(TokenVerification.invalid(TokenFailure.UNSUPPORTED_ALGORITHM,
                    "alg 'none' (an unsigned token) is never accepted"));
        }
        if (!algorithm.equals(keys.algorithm().name())) {
            throw new HeaderException(TokenVerification.invalid(TokenFailure.UNSUPPORTED_ALGORITHM, "alg "
                    + SafeText.quote(algorithm) + " is refused: " + keys.describe() + " verifies " + keys.algorithm()
                    + " only"));
        }
        JsonValue typ = header.get("typ");
        if (typ != null && !(typ instanceof JsonString t && t.getString().equalsIgnoreCase("JWT"))) {
            throw new HeaderException(malformed("the header's 'typ' is "
                    + (typ instanceof JsonString t ? SafeText.quote(t.getString()) : Claims.typeName(typ))
                    + ": LoginRocket login tokens are typ JWT or name none, so this is some other kind of token"
                    + " (an access token, a DPoP proof, an event token)"));
        }
        if (header.containsKey("crit")) {
            throw new HeaderException(malformed("the header lists critical extensions ('crit'), which are not supported"));
        }
        JsonValue kidValue = header.get("kid");
        String kid = null;
        if (kidValue != null && kidValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(kidValue instanceof JsonString) || ((JsonString) kidValue).getString().length() > MAX_KID_LENGTH) {
                throw new HeaderException(
                        malformed("the header's 'kid' is not a string of at most " + MAX_KID_LENGTH + " characters"));
            }
            kid = ((JsonString) kidValue).getString();
        }
        return new Header(null, kid);
    }

    /**
     * A header segment seen before in a token whose signature verified. Real tokens of one realm
     * share a handful of identical headers (one per signing key), so this saves a JSON parse per
     * token; the signature is still checked every time.
     */
    private Header recentHeader(String token, int dot1) {
        Header[] recent = this.recent;
        for (Header h : recent) {
            if (h != null && h.segment.length() == dot1 && token.regionMatches(0, h.segment, 0, dot1)) {
                return h;
            }
        }
        return null;
    }

    /** Remembers a header after its token's signature verified; forged headers never get in. */
    private void remember(Header header, String token, int dot1) {
        if (header.segment != null || recentHeader(token, dot1) != null) {
            return; // already remembered (possibly by a concurrent caller)
        }
        Header[] next = recent.clone();
        // newest first; the oldest drops off
        System.arraycopy(next, 0, next, 1, next.length - 1);
        next[0] = new Header(token.substring(0, dot1), header.kid);
        recent = next;
    }

    /** A vetted header: the algorithm already matched the key source; {@code segment} is set once remembered. */
    private static final class Header {
        final String segment;
        final String kid;

        Header(String segment, String kid) {
            this.segment = segment;
            this.kid = kid;
        }
    }

    /** Carries the outcome for a refused header out of {@link #parseHeader}. */
    private static final class HeaderException extends Exception {
        private static final long serialVersionUID = 1L;
        final transient TokenVerification verification;

        HeaderException(TokenVerification verification) {
            super(null, null, false, false); // no stack trace: this is control flow for bad input
            this.verification = verification;
        }
    }

    private TokenVerification checkClaims(JsonObject claims, String token) {
        if (claims.containsKey("aud")) {
            return malformed("the token names an audience ('aud'): LoginRocket login tokens carry none, so this one"
                    + " was issued for something else");
        }
        long exp;
        long iat;
        long nbf;
        try {
            TokenVerification issuerFailure = checkString(claims, "iss", issuer, TokenFailure.WRONG_ISSUER,
                    "LoginRocket tokens carry iss https://authrocket.com, whatever the realm's host");
            if (issuerFailure != null) {
                return issuerFailure;
            }
            if (realm != null) {
                TokenVerification realmFailure = checkString(claims, "rid", realm, TokenFailure.WRONG_REALM,
                        "the token belongs to another realm");
                if (realmFailure != null) {
                    return realmFailure;
                }
            }
            exp = Claims.requiredSeconds(claims, "exp");
            iat = Claims.requiredSeconds(claims, "iat");
            nbf = Claims.optSeconds(claims, "nbf");
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
        long now = clock.millis();
        if (now >= exp * 1000 + leewayMillis) {
            return expired(claims, token, exp, iat, nbf, now);
        }
        TokenVerification timeFailure = checkTimes(iat, nbf, now);
        if (timeFailure != null) {
            return timeFailure;
        }
        try {
            return TokenVerification.valid(LoginRocketSession.fromClaims(claims, token));
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
    }

    /**
     * An expired token whose signature, issuer and realm were checked. It carries its session only
     * if it was valid up to its expiry: the other time claims are judged as of the last instant the
     * token was accepted, so a token that was never valid, or outlived the maximum age, yields none.
     */
    private TokenVerification expired(JsonObject claims, String token, long exp, long iat, long nbf, long now) {
        String detail = "the token expired at " + Instant.ofEpochSecond(exp) + " (now " + Instant.ofEpochMilli(now)
                + ", leeway " + leewayMillis + " ms); get a fresh one from LoginRocket (GET /v2/session) or log in again";
        long lastAccepted = exp * 1000 + leewayMillis - 1;
        LoginRocketSession session = null;
        if (checkTimes(iat, nbf, lastAccepted) == null) {
            try {
                session = LoginRocketSession.fromClaims(claims, token);
            } catch (IllegalArgumentException e) {
                // a required claim is unusable: still expired, just without a session to refresh
            }
        }
        return TokenVerification.expired(session, detail);
    }

    /** The not-before, issued-at and maximum-age checks as of {@code now}; null if they pass. */
    private TokenVerification checkTimes(long iat, long nbf, long now) {
        if (nbf != Claims.ABSENT && nbf * 1000 > now + leewayMillis) {
            return TokenVerification.invalid(TokenFailure.NOT_YET_VALID, "the token is not valid before "
                    + Instant.ofEpochSecond(nbf) + " (now " + Instant.ofEpochMilli(now) + ", leeway " + leewayMillis
                    + " ms); check this server's clock");
        }
        if (iat * 1000 > now + leewayMillis) {
            return TokenVerification.invalid(TokenFailure.ISSUED_IN_FUTURE, "the token claims to be issued at "
                    + Instant.ofEpochSecond(iat) + ", after now (" + Instant.ofEpochMilli(now) + ", leeway "
                    + leewayMillis + " ms); check this server's clock");
        }
        if (maxAgeMillis >= 0 && now - iat * 1000 > maxAgeMillis + leewayMillis) {
            return TokenVerification.invalid(TokenFailure.TOO_OLD, "the token was issued at " + Instant.ofEpochSecond(iat)
                    + ", longer ago than maxTokenAge (" + maxAgeMillis + " ms); log in again");
        }
        return null;
    }

    /** Compares a string claim; absent or different is {@code failure}, present with the wrong type is malformed. */
    private static TokenVerification checkString(JsonObject claims, String name, String expected, TokenFailure failure,
            String hint) {
        JsonValue v = claims.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return TokenVerification.invalid(failure, "the token has no '" + name + "' claim; expected "
                    + SafeText.quote(expected));
        }
        if (!(v instanceof JsonString)) {
            throw new IllegalArgumentException("claim '" + name + "' must be a string, got " + Claims.typeName(v));
        }
        String actual = ((JsonString) v).getString();
        if (!actual.equals(expected)) {
            return TokenVerification.invalid(failure, "'" + name + "' is " + SafeText.quote(actual) + ", expected "
                    + SafeText.quote(expected) + " (" + hint + ")");
        }
        return null;
    }

    /**
     * Which segment, if any, is not the one canonical base64url spelling of its bytes. The JDK decoder
     * accepts a last character whose unused low bits are set, so without this check one token would
     * verify under several spellings (and be cached, refreshed and compared as different tokens).
     * Characters outside the alphabet are left to the decoder.
     *
     * @return "header", "payload" or "signature", or null if all three are canonical
     */
    private static String nonCanonicalSegment(String token, int dot1, int dot2) {
        if (!canonical(token, 0, dot1)) {
            return "header";
        }
        if (!canonical(token, dot1 + 1, dot2)) {
            return "payload";
        }
        return canonical(token, dot2 + 1, token.length()) ? null : "signature";
    }

    private static boolean canonical(String token, int from, int to) {
        int rest = (to - from) % 4;
        if (rest == 0) {
            return true;
        }
        if (rest == 1) {
            return false; // 6 bits cannot end a byte
        }
        int value = base64urlValue(token.charAt(to - 1));
        int unusedBits = rest == 2 ? 0x0F : 0x03;
        return value < 0 || (value & unusedBits) == 0;
    }

    private static int base64urlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static TokenVerification segmentCountFailure(String token) {
        int segments = 1;
        for (int i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) {
            segments++;
        }
        return malformed("expected a compact JWS of 3 base64url segments separated by '.', found " + segments
                + (segments == 5 ? " (an encrypted JWE? LoginRocket login tokens are signed, not encrypted)" : ""));
    }

    private static TokenVerification malformed(String detail) {
        return TokenVerification.invalid(TokenFailure.MALFORMED, detail);
    }
}
