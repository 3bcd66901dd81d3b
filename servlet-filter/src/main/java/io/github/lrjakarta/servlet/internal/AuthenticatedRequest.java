package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.servlet.LoginRocketPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** The request as the application sees it once the filter has verified a session. */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final LoginRocketPrincipal principal;
    private final String authType;

    public AuthenticatedRequest(HttpServletRequest request, LoginRocketSession session, String authType) {
        super(request);
        this.principal = new LoginRocketPrincipal(session);
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return authType;
    }

    /**
     * A permission of the selected membership; {@code **} is the servlet spec's "any
     * authenticated user".
     */
    @Override
    public boolean isUserInRole(String role) {
        return role != null && ("**".equals(role) || principal.session().hasPermission(role));
    }
}
