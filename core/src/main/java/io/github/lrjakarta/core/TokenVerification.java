package io.github.lrjakarta.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link LoginRocketTokenVerifier#verify(String)}: either a verified {@link
 * LoginRocketSession} or a {@link TokenFailure} with a detail a developer can act on.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} and {@link #detail()} never
 * contain the token or the session id.
 *
 * @since 0.1
 */
public final class TokenVerification {

    private final LoginRocketSession session;
    private final TokenFailure failure;
    private final String detail;

    private TokenVerification(LoginRocketSession session, TokenFailure failure, String detail) {
        this.session = session;
        this.failure = failure;
        this.detail = detail;
    }

    /**
     * A successful outcome.
     *
     * @param session the verified session, not null
     * @return the outcome
     */
    public static TokenVerification valid(LoginRocketSession session) {
        return new TokenVerification(Objects.requireNonNull(session, "session"), null, "valid");
    }

    /**
     * A failed outcome.
     *
     * @param failure why the token was rejected, not null
     * @param detail what a developer should know; must not contain the token, not null
     * @return the outcome
     */
    public static TokenVerification invalid(TokenFailure failure, String detail) {
        return new TokenVerification(
                null, Objects.requireNonNull(failure, "failure"), Objects.requireNonNull(detail, "detail"));
    }

    /** Whether the token verified. */
    public boolean isValid() {
        return session != null;
    }

    /** The verified session, or empty if the token was rejected. */
    public Optional<LoginRocketSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * The verified session.
     *
     * @throws InvalidTokenException carrying {@link #failure()} if the token was rejected
     */
    public LoginRocketSession sessionOrThrow() {
        if (session == null) {
            throw new InvalidTokenException(failure, detail);
        }
        return session;
    }

    /** Why the token was rejected, or {@code null} if it is valid. */
    public TokenFailure failure() {
        return failure;
    }

    /** A description for developers ({@code "valid"} for a valid token); never contains the token. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return session != null ? "TokenVerification[valid]" : "TokenVerification[" + failure + ": " + detail + "]";
    }
}
