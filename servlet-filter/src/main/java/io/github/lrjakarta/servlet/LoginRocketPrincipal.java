package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.LoginRocketSession;
import java.security.Principal;
import java.util.Objects;

/**
 * The logged-in user as {@code HttpServletRequest.getUserPrincipal()} returns it behind the
 * {@link LoginRocketFilter}: its {@linkplain #getName() name} is the LoginRocket user id ({@code
 * usr_…}, stable across e-mail and username changes), and it carries the verified {@link
 * LoginRocketSession} with the user's profile and memberships.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never contains the token or the session id.
 *
 * @since 0.1
 */
public final class LoginRocketPrincipal implements Principal {

    private final LoginRocketSession session;

    /** @param session the verified session */
    public LoginRocketPrincipal(LoginRocketSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The user id, {@code usr_…}. */
    @Override
    public String getName() {
        return session.user().id();
    }

    /** The verified session this principal stands for. */
    public LoginRocketSession session() {
        return session;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginRocketPrincipal other && getName().equals(other.getName());
    }

    @Override
    public int hashCode() {
        return getName().hashCode();
    }

    @Override
    public String toString() {
        return "LoginRocketPrincipal[" + getName() + "]";
    }
}
