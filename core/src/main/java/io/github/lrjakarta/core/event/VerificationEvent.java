package io.github.lrjakarta.core.event;

import io.github.lrjakarta.core.TokenFailure;
import java.util.Optional;

/**
 * One token verification. Carries no token contents: not the token, not its subject or session.
 *
 * @param failure why the token was rejected, or null if it is valid
 * @param cacheHit whether the answer came from the verified-token cache
 * @param cacheSize the number of tokens in that cache after this verification
 * @since 0.2
 */
public record VerificationEvent(TokenFailure failure, boolean cacheHit, int cacheSize) {

    /** Whether the token was valid. */
    public boolean valid() {
        return failure == null;
    }

    /** Why the token was rejected, if it was. */
    public Optional<TokenFailure> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}
