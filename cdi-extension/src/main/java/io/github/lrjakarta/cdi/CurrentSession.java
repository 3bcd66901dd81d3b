package io.github.lrjakarta.cdi;

import io.github.lrjakarta.cdi.internal.Denials;
import io.github.lrjakarta.cdi.internal.RealmName;
import io.github.lrjakarta.core.LoginRocketSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The LoginRocket session of the HTTP request being served, if the user is logged in: the
 * explicit, never-throwing way to ask "who is calling?".
 *
 * <pre>{@code
 * @Inject CurrentSession current;
 *
 * String greeting() {
 *     return current.get().flatMap(s -> s.user().name()).map(n -> "Hello " + n).orElse("Hello");
 * }
 * }</pre>
 *
 * <p>A {@code @RequestScoped} bean (inject it anywhere, application-scoped beans included: the
 * container's proxy finds the current request's instance). The session is looked up once per
 * request, on first use:
 *
 * <ol>
 *   <li>the session the {@code LoginRocketFilter} established for this request (default realm
 *       only), when the filter is installed;
 *   <li>otherwise the request's {@code Authorization: Bearer} token, verified with the realm's
 *       {@link io.github.lrjakarta.core.LoginRocketTokenVerifier}; an invalid or expired token
 *       counts as no session.
 * </ol>
 *
 * <p>Outside an HTTP request (a request context activated by {@code @ActivateRequestContext}, a
 * scheduled job) there is no session. Where no request context is active at all, the proxy
 * throws the container's {@code ContextNotActiveException}.
 *
 * <p>For a named realm, qualify the injection point with {@link LoginRocketRealm}. An instance is
 * confined to its request; its methods are thread-safe.
 *
 * @since 0.1
 */
public class CurrentSession {

    private final RealmName realm;
    private final Supplier<Optional<LoginRocketSession>> lookup;
    private final Denials denials;
    private Optional<LoginRocketSession> resolved;

    /**
     * For CDI client proxies only: the container subclasses this class to proxy the request's
     * instance. An instance made with this constructor has no session source and must not be used.
     */
    protected CurrentSession() {
        this.realm = null;
        this.lookup = null;
        this.denials = null;
    }

    CurrentSession(RealmName realm, Supplier<Optional<LoginRocketSession>> lookup, Denials denials) {
        this.realm = realm;
        this.lookup = lookup;
        this.denials = denials;
    }

    /** The session, or empty when the request carries no valid login. */
    public synchronized Optional<LoginRocketSession> get() {
        if (resolved == null) {
            resolved = lookup.get();
        }
        return resolved;
    }

    /** Whether the request carries a valid login. */
    public boolean isAuthenticated() {
        return get().isPresent();
    }

    /**
     * The session, which must exist.
     *
     * @return the session
     * @throws NotAuthenticatedException without a session; in a JAX-RS application a {@code
     *     jakarta.ws.rs.NotAuthorizedException} (401 in the LoginRocket error shape, {@code
     *     WWW-Authenticate: Bearer}) whose cause is the {@link NotAuthenticatedException}
     */
    public LoginRocketSession require() {
        return get().orElseThrow(() -> denials.notAuthenticated(realm));
    }

    /**
     * The session, which must exist and whose selected membership must grant {@code permission}.
     *
     * @param permission e.g. {@code "admin"}
     * @return the session
     * @throws NotAuthenticatedException without a session (in JAX-RS: see {@link #require()})
     * @throws PermissionDeniedException when the permission is missing; in a JAX-RS application a
     *     {@code jakarta.ws.rs.ForbiddenException} (403 in the LoginRocket error shape) whose cause
     *     is the {@link PermissionDeniedException}
     */
    public LoginRocketSession requirePermission(String permission) {
        LoginRocketSession session = require();
        if (!session.hasPermission(permission)) {
            throw denials.permissionDenied(realm, permission);
        }
        return session;
    }

    /** The realm's name; empty for the default realm. */
    public Optional<String> realm() {
        return realm.name();
    }

    @Override
    public String toString() {
        return "CurrentSession[realm=" + realm + "]";
    }
}
