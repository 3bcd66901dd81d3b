package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.SessionRecheck;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Finds the session of the current HTTP request for one realm: the one the servlet filter put in
 * its request attribute (default realm only; the filter's pipeline ran the session re-check), else
 * the {@code Authorization: Bearer} token verified with the realm's verifier and, with {@code
 * loginrocket.session-recheck-interval} set, confirmed by the realm's {@link SessionRecheck}.
 */
public final class SessionLookup {

    private static final System.Logger LOG = System.getLogger(SessionLookup.class.getName());
    private static final String BEARER = "bearer ";

    private SessionLookup() {}

    /**
     * @param realm whose verifier checks the bearer token; the filter's session counts for the default realm only
     * @param verifier the realm's verifier (a client proxy: built on the first bearer token)
     * @param recheck the realm's session re-check, or null when it is off
     */
    public static Optional<LoginRocketSession> find(RealmName realm, LoginRocketTokenVerifier verifier,
            SessionRecheck recheck) {
        Optional<HttpServletRequest> current = CurrentRequest.get();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        HttpServletRequest request = current.get();
        if (realm.isDefault()) {
            Object established = request.getAttribute(LoginRocketFilter.SESSION_ATTRIBUTE);
            if (established instanceof LoginRocketSession) {
                return Optional.of((LoginRocketSession) established);
            }
        }
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            return Optional.empty();
        }
        TokenVerification verification = verifier.verify(token);
        if (!verification.isValid()) {
            LOG.log(Level.DEBUG, "Bearer token refused for realm {0}: {1}", realm, verification.failure());
            return Optional.empty();
        }
        LoginRocketSession session = verification.sessionOrThrow();
        if (recheck != null && recheck.check(session) == SessionRecheck.Outcome.ENDED) {
            LOG.log(Level.DEBUG, "Bearer token refused for realm {0}: its session was ended at LoginRocket", realm);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** The token of an {@code Authorization: Bearer} header (scheme case-insensitive), else null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
