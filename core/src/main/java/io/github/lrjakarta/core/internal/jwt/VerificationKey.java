package io.github.lrjakarta.core.internal.jwt;

/**
 * A key that checks JWS signatures for exactly one algorithm. Implementations are thread-safe.
 */
public interface VerificationKey {

    /** The one algorithm this key verifies; tokens announcing another are refused before it is used. */
    JwsAlgorithm algorithm();

    /**
     * Checks a signature.
     *
     * @param signingInput buffer whose first {@code length} bytes are the ASCII {@code header.payload}
     * @param length number of signing-input bytes
     * @param signature the decoded signature
     * @return whether the signature matches
     */
    boolean verify(byte[] signingInput, int length, byte[] signature);
}
