package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.TokenFailure;

/** The key for a token, or why there is none. */
public final class KeyResolution {

    private final VerificationKey key;
    private final TokenFailure failure;
    private final String detail;

    private KeyResolution(VerificationKey key, TokenFailure failure, String detail) {
        this.key = key;
        this.failure = failure;
        this.detail = detail;
    }

    public static KeyResolution found(VerificationKey key) {
        return new KeyResolution(key, null, null);
    }

    public static KeyResolution failed(TokenFailure failure, String detail) {
        return new KeyResolution(null, failure, detail);
    }

    /** The key, or {@code null} if none was found. */
    public VerificationKey key() {
        return key;
    }

    public TokenFailure failure() {
        return failure;
    }

    public String detail() {
        return detail;
    }
}
