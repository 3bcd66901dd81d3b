package io.github.lrjakarta.core;

import java.util.Objects;

/**
 * Thrown by {@link TokenVerification#sessionOrThrow()} when a login token was rejected.
 *
 * <p>The message holds the {@link TokenFailure} and a developer-oriented detail; it never contains
 * the token itself.
 *
 * @since 0.1
 */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Serializable by name: enums serialize as their constant. */
    private final TokenFailure failure;

    /**
     * Creates the exception.
     *
     * @param failure why the token was rejected, not null
     * @param detail a description for developers; must not contain the token
     */
    public InvalidTokenException(TokenFailure failure, String detail) {
        super(Objects.requireNonNull(failure, "failure") + ": " + detail);
        this.failure = failure;
    }

    /** Why the token was rejected. */
    public TokenFailure failure() {
        return failure;
    }
}
