package io.github.lrjakarta.cdi;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.ClientForwarding;
import io.github.lrjakarta.servlet.ContainerGroups;
import io.github.lrjakarta.servlet.CorsPolicy;
import io.github.lrjakarta.servlet.LoginRocketAuthentication;
import io.github.lrjakarta.servlet.LoginRocketPrincipal;
import io.github.lrjakarta.servlet.ServletConfigSources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * LoginRocket as a Jakarta Security {@code HttpAuthenticationMechanism}: the container (WildFly)
 * learns the caller and groups, so {@code web.xml} constraints, {@code SecurityContext}, {@code
 * isUserInRole()} and {@code @RolesAllowed} work from them. Enabled by {@link
 * LoginRocketAuthenticationMechanismDefinition}.
 *
 * <p>Per request: a CORS preflight is answered by {@link CorsPolicy} first; then {@link
 * LoginRocketAuthentication} (the filter's pipeline) runs, mandatory where the container protects
 * the resource, on {@code authenticate()}, or on a {@code loginrocket.login-required} path. A
 * session becomes {@code notifyContainerAboutLogin} with a {@link LoginRocketPrincipal} and the
 * groups of {@link ContainerGroups} (by default the selected org's permissions); no session where
 * none is needed is {@code doNothing()}; a response the pipeline wrote (login redirect, 401, logout)
 * is {@link AuthenticationStatus#SEND_CONTINUE}.
 *
 * <p>The pipeline is built from the application's configuration on the first request. Thread-safe.
 *
 * @since 0.2
 */
@ApplicationScoped
public class LoginRocketAuthenticationMechanism implements HttpAuthenticationMechanism {

    private volatile Parts parts;

    private record Parts(LoginRocketAuthentication authentication, CorsPolicy cors, ContainerGroups groups) {}

    /** For CDI. */
    public LoginRocketAuthenticationMechanism() {}

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        Parts p = parts(request.getServletContext());
        try {
            if (p.cors().handle(request, response)) {
                return AuthenticationStatus.SEND_CONTINUE;
            }
            boolean mandatory = context.isProtected() || context.isAuthenticationRequest()
                    || p.authentication().isLoginRequired(request);
            LoginRocketAuthentication.Outcome outcome;
            try (CallContext.Scope scope = ClientForwarding.bind(request)) {
                outcome = p.authentication().authenticate(request, response, mandatory);
            }
            return switch (outcome.status()) {
                case RESPONDED -> AuthenticationStatus.SEND_CONTINUE;
                case ANONYMOUS -> context.doNothing();
                case AUTHENTICATED -> {
                    LoginRocketSession session = outcome.session().orElseThrow();
                    yield context.notifyContainerAboutLogin(new LoginRocketPrincipal(session), p.groups().of(session));
                }
            };
        } catch (IOException e) {
            throw new AuthenticationException("LoginRocket: writing the response failed (" + e.getClass().getName() + ")", e);
        }
    }

    private Parts parts(ServletContext servletContext) {
        Parts p = parts;
        if (p == null) {
            synchronized (this) {
                p = parts;
                if (p == null) {
                    LoginRocketConfig config = ServletConfigSources.forContext(servletContext).build();
                    p = new Parts(LoginRocketAuthentication.builder().config(config).build(),
                            CorsPolicy.from(config), ContainerGroups.from(config));
                    parts = p;
                }
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        Parts p = parts;
        if (p != null) {
            p.authentication().close();
        }
    }
}
