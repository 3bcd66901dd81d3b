package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * LoginRocket as a Jakarta Authentication {@code ServerAuthModule}, for containers that
 * implement Jakarta Authentication but not Jakarta Security (Tomcat 10.1 and 11): the container
 * then knows the LoginRocket user, so {@code web.xml} security constraints, {@code
 * getUserPrincipal()}, {@code isUserInRole()}, {@code HttpServletRequest.authenticate()} and
 * {@code @RolesAllowed} (through the web framework) all work from it.
 *
 * <p>The container calls {@link #validateRequest} before its constraints apply. The module first
 * lets {@link CorsPolicy} answer a CORS preflight, which carries no credentials and would
 * otherwise be refused by a constraint. Then it runs {@link LoginRocketAuthentication}, the
 * pipeline the filter uses, with "mandatory" meaning the container requires authentication here
 * (an {@code <auth-constraint>}, or {@code request.authenticate()}) or the path is a {@code
 * loginrocket.login-required} one:
 *
 * <ul>
 *   <li>a session: the caller principal is a {@link LoginRocketPrincipal} (name: the user id),
 *       the groups come from {@link ContainerGroups} (by default the selected org's
 *       permissions); {@link AuthStatus#SUCCESS};
 *   <li>no session where none is mandatory: {@code SUCCESS} without a principal (the request goes
 *       on anonymous);
 *   <li>anything the pipeline answered itself (login redirect for a browser, 401 for a script,
 *       logout, the 303 after taking a token from the URL): {@link AuthStatus#SEND_CONTINUE}, the
 *       response is complete.
 * </ul>
 *
 * <p>A user whose permissions do not include the constraint's role gets the container's 403.
 * Register it with {@code loginrocket.jakarta-authentication=true} (a context-param; the {@link
 * LoginRocketInitializer} then calls {@code AuthConfigFactory.registerServerAuthModule}), and do
 * not also map the {@link LoginRocketFilter}: the module does its work.
 *
 * <p>Thread-safe: one instance serves every request of the application.
 *
 * @since 0.2
 */
public final class LoginRocketServerAuthModule implements ServerAuthModule {

    /** The {@code MessageInfo} map key by which the container says authentication is required. */
    static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private static final Class<?>[] SUPPORTED = {HttpServletRequest.class, HttpServletResponse.class};

    private final LoginRocketAuthentication authentication;
    private final CorsPolicy cors;
    private final ContainerGroups groups;
    // Set by initialize(), which the container calls before any request reaches the module.
    private volatile CallbackHandler handler;

    /**
     * @param authentication the pipeline; the module does not close it
     * @param cors the CORS policy answering preflights ahead of the container's constraints
     * @param groups how sessions become the container's groups
     */
    public LoginRocketServerAuthModule(LoginRocketAuthentication authentication, CorsPolicy cors, ContainerGroups groups) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.cors = Objects.requireNonNull(cors, "cors");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            Map options) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return SUPPORTED.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        if (!(messageInfo.getRequestMessage() instanceof HttpServletRequest req)
                || !(messageInfo.getResponseMessage() instanceof HttpServletResponse res)) {
            return AuthStatus.SUCCESS;
        }
        try {
            if (cors.handle(req, res)) {
                return AuthStatus.SEND_CONTINUE;
            }
            boolean mandatory = Boolean.parseBoolean(String.valueOf(messageInfo.getMap().get(IS_MANDATORY)))
                    || authentication.isLoginRequired(req);
            LoginRocketAuthentication.Outcome outcome;
            try (CallContext.Scope scope = ClientForwarding.bind(req)) {
                outcome = authentication.authenticate(req, res, mandatory);
            }
            return switch (outcome.status()) {
                case RESPONDED -> AuthStatus.SEND_CONTINUE;
                case ANONYMOUS -> AuthStatus.SUCCESS;
                case AUTHENTICATED -> notifyContainer(clientSubject, outcome.session().orElseThrow());
            };
        } catch (IOException e) {
            throw authException("writing the response failed", e);
        }
    }

    private AuthStatus notifyContainer(Subject subject, LoginRocketSession session) throws AuthException {
        Set<String> names = groups.of(session);
        try {
            handler.handle(new Callback[] {
                new CallerPrincipalCallback(subject, new LoginRocketPrincipal(session)),
                new GroupPrincipalCallback(subject, names.toArray(String[]::new))
            });
        } catch (IOException | UnsupportedCallbackException e) {
            throw authException("the container refused the caller principal", e);
        }
        return AuthStatus.SUCCESS;
    }

    private static AuthException authException(String message, Exception cause) {
        AuthException e = new AuthException("LoginRocket: " + message + " (" + cause.getClass().getName() + ")");
        e.initCause(cause);
        return e;
    }

    /** Nothing to add to the response: the pipeline writes its cookies during {@link #validateRequest}. */
    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) {
        return AuthStatus.SEND_SUCCESS;
    }

    /** The principals are the container's, in the subject it passed; the module keeps nothing per caller. */
    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().removeIf(p -> p instanceof LoginRocketPrincipal);
        }
    }

    @Override
    public String toString() {
        return "LoginRocketServerAuthModule[" + authentication + ", " + groups + "]";
    }
}
