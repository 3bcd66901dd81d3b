package io.github.lrjakarta.cdi;

import java.util.Optional;

/**
 * The logged-in user's selected membership does not grant a permission that {@link
 * RequiresPermission} requires.
 *
 * <p>In a JAX-RS application it arrives as the cause of a {@code jakarta.ws.rs.ForbiddenException}
 * whose response is a 403 in the LoginRocket error shape. Unrelated to {@link
 * io.github.lrjakarta.core.AccessDeniedException}, which is LoginRocket's own 403 to an API call.
 *
 * @since 0.1
 */
public class PermissionDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String realm;
    private final String permission;

    /**
     * @param realm the realm's name, or {@code null} for the default realm
     * @param permission the permission that was required
     * @param message what is missing, safe to show to a user
     */
    public PermissionDeniedException(String realm, String permission, String message) {
        super(message);
        this.realm = realm;
        this.permission = permission;
    }

    /** The realm whose session was checked; empty for the default realm. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** The permission that was required. */
    public String permission() {
        return permission;
    }
}
