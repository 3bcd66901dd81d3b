package io.github.lrjakarta.cdi;

import java.util.Optional;

/**
 * There is no logged-in LoginRocket user where one is required: {@link CurrentSession#require()},
 * an injected {@code LoginRocketSession}, {@link LoginRequired} or {@link RequiresPermission}.
 *
 * <p>In a JAX-RS application it arrives as the cause of a {@code
 * jakarta.ws.rs.NotAuthorizedException} whose response is a 401 in the LoginRocket error shape, so
 * the JAX-RS runtime answers the client without any exception mapper. The message never contains
 * a token or a session id.
 *
 * @since 0.1
 */
public class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String realm;

    /**
     * @param realm the realm's name, or {@code null} for the default realm
     * @param message what is missing, safe to show to a user
     */
    public NotAuthenticatedException(String realm, String message) {
        super(message);
        this.realm = realm;
    }

    /** The realm that had no session; empty for the default realm. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }
}
