package io.github.lrjakarta.core.internal.jwt;

/** Where verification keys come from. Implementations are thread-safe. */
public interface KeySource {

    /** The one algorithm all keys of this source verify; every other {@code alg} is refused. */
    JwsAlgorithm algorithm();

    /**
     * Finds the key for a token.
     *
     * @param kid the header's {@code kid}, or {@code null} if the token has none
     */
    KeyResolution resolve(String kid);

    /** Names the source in failure details, e.g. the JWKS URI. */
    String describe();
}
