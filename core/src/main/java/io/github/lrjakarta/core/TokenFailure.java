package io.github.lrjakarta.core;

/**
 * Why a login token was rejected by {@link LoginRocketTokenVerifier}.
 *
 * <p>Each constant names one thing a developer (or the client holding the token) can act on; the
 * accompanying {@link TokenVerification#detail()} says more without ever repeating the token.
 *
 * @since 0.1
 */
public enum TokenFailure {
    /**
     * Not a LoginRocket login token in its one valid spelling: wrong number of segments, bad or
     * non-canonical base64url, a header or payload that is not a JSON object, a header {@code typ}
     * other than {@code JWT}, an {@code aud} claim (login tokens name no audience), a missing
     * required claim ({@code sub}, {@code sid}, {@code iat}, {@code exp}) or any claim of the wrong
     * JSON type.
     */
    MALFORMED,
    /** Longer than the configured maximum token length (16 KiB by default); not parsed at all. */
    TOO_LARGE,
    /**
     * The header's {@code alg} is not the one pinned by the configured key source: {@code none} and
     * every algorithm other than RS256 (JWKS or static RSA key) or HS256 (static secret) are refused.
     */
    UNSUPPORTED_ALGORITHM,
    /** The token names a key ({@code kid}) that the key set does not contain, or names none. */
    UNKNOWN_KEY,
    /** The key set could not be fetched (network, status, body), so the token could not be checked. */
    KEYS_UNAVAILABLE,
    /** The signature does not match the header and payload under the selected key. */
    BAD_SIGNATURE,
    /** {@code exp} is in the past, beyond the leeway. */
    EXPIRED,
    /** {@code nbf} is in the future, beyond the leeway. */
    NOT_YET_VALID,
    /** {@code iat} is in the future, beyond the leeway (clock skew or a forged token). */
    ISSUED_IN_FUTURE,
    /** {@code iat} is older than the configured maximum token age. */
    TOO_OLD,
    /** {@code iss} is not the expected issuer ({@code https://authrocket.com} by default). */
    WRONG_ISSUER,
    /** {@code rid} is not the realm id the verifier was pinned to. */
    WRONG_REALM,
    /**
     * The token is genuine, but its session ({@code sid}) was logged out, here or on another node
     * sharing the {@link EndedSessions} store. Not refreshable: log in again.
     *
     * @since 0.2
     */
    SESSION_ENDED
}
