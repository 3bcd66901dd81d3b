package io.github.lrjakarta.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link LoginRocketTokenVerifier#verify(String)}: either a verified {@link
 * LoginRocketSession} or a {@link TokenFailure} with a detail a developer can act on.
 *
 * <p>A genuine token that failed only because it expired also carries the session it stated, in
 * {@link #expiredSession()}, so that the session can be refreshed through LoginRocket ({@code GET
 * /v2/session}) or ended. It is not a login: {@link #isValid()} is false and {@link #session()} is
 * empty.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} and {@link #detail()} never
 * contain the token or the session id.
 *
 * @since 0.1
 */
public final class TokenVerification {

    private final LoginRocketSession session;
    private final LoginRocketSession expiredSession;
    private final TokenFailure failure;
    private final String detail;

    private TokenVerification(LoginRocketSession session, LoginRocketSession expiredSession, TokenFailure failure,
            String detail) {
        this.session = session;
        this.expiredSession = expiredSession;
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
        return new TokenVerification(Objects.requireNonNull(session, "session"), null, null, "valid");
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
                null, null, Objects.requireNonNull(failure, "failure"), Objects.requireNonNull(detail, "detail"));
    }

    /**
     * A token that is genuine but {@link TokenFailure#EXPIRED expired}: its signature, issuer and
     * realm checked out, and it was valid until it expired. Only a verifier may vouch for that, so
     * pass a session only after those checks.
     *
     * @param session the session the token stated, or {@code null} if none could be read from it
     * @param detail what a developer should know; must not contain the token, not null
     * @return the outcome, with failure {@link TokenFailure#EXPIRED}
     */
    public static TokenVerification expired(LoginRocketSession session, String detail) {
        return new TokenVerification(null, session, TokenFailure.EXPIRED, Objects.requireNonNull(detail, "detail"));
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
     * The session stated by a genuine token that failed only because it {@link TokenFailure#EXPIRED
     * expired}: its signature, issuer and realm are valid, and so were its other time claims
     * ({@code nbf}, {@code iat}, the maximum age) up to the moment it expired. Empty for a valid
     * token and for every other failure: a forged, altered or foreign token never yields a session.
     *
     * <p>This is not a login. Use the session id only to ask LoginRocket for a fresh token ({@code
     * GET /v2/session}, which answers only while the session is alive) or to end the session. How
     * long after expiry such a token is still worth a refresh is the caller's choice: compare {@link
     * LoginRocketSession#expiresAt()} with the clock. Verifiers never cache these outcomes.
     *
     * @return the expired token's session, or empty
     */
    public Optional<LoginRocketSession> expiredSession() {
        return Optional.ofNullable(expiredSession);
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
