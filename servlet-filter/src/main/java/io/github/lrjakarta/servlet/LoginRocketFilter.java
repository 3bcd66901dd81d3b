package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import io.github.lrjakarta.servlet.internal.ConfigProblems;
import io.github.lrjakarta.servlet.internal.LogContext;
import io.github.lrjakarta.servlet.internal.FilterSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The LoginRocket servlet filter: CORS, login tokens and session ids from LoginRocket, the
 * logged-in user the servlet way, login-required paths and logout.
 *
 * <p>Per request, in this order (everything after CORS is {@link LoginRocketAuthentication}, the
 * pipeline the container mechanisms call too, with "mandatory" meaning a {@code
 * loginrocket.login-required} path):
 *
 * <ol>
 *   <li><b>CORS</b> ({@link CorsPolicy}, keys {@code loginrocket.cors.*}): preflights are answered
 *       here and never reach the login requirement or the application.
 *   <li>While the request is in the filter, the browser's {@code User-Agent} and {@code
 *       Accept-Language} are bound with {@link CallContext}, so LoginRocket calls made meanwhile
 *       (by the filter or the application) record the real client and answer in the user's
 *       language. The binding is lazy: the headers are read only if such a call is made.
 *   <li><b>Logout</b> at {@code loginrocket.logout-path}: ends the LoginRocket session ({@code
 *       DELETE /v2/session}), clears the cookie, and sends a browser to {@code
 *       loginrocket.logout-redirect} (default: LoginRocket Web's {@code /logout}); a script gets 204.
 *       Log out with a POST (a form on the application's pages, or a script). A GET or HEAD needs
 *       positive evidence that it comes from this application ({@code Sec-Fetch-Site: same-origin}
 *       or {@code none}, else an {@code Origin} or {@code Referer} of this origin); without it the
 *       answer is 403 and nothing changes, so no page elsewhere can log the user out ({@code <img
 *       src="/logout">}). A cross-site form submission is refused too; a cross-site POST from a
 *       script, such as a front end on an allowed CORS origin sending its bearer token, is accepted.
 *   <li><b>Credentials from the URL</b>, on a GET only: a {@code ?token=} shaped like a JWT
 *       (verified), else, with {@code loginrocket.session-intake=true}, {@code ?session=kss_…} (with
 *       optional {@code &account=org_…}) traded for a fresh token through {@code GET /v2/session}
 *       (single-flight per id, refusals remembered briefly, at most {@code
 *       loginrocket.anonymous-call-rate} calls a second). They are taken only when this browser
 *       started the login (the state cookie set by the login redirect matches the {@code lr_state}
 *       LoginRocket Web hands back), or on a {@code loginrocket.login-landing-paths} path, where a
 *       valid session of another user is never replaced. Either way the browser is sent (303) to the
 *       same URL without them. Other {@code token} or {@code session} values are the application's.
 *   <li><b>Credentials from the request</b>: {@code Authorization: Bearer}, else the filter's
 *       cookie. A cookie token about to expire is refreshed through {@code GET /v2/session} ({@code
 *       loginrocket.refresh-before}), for the org it selected; an expired but genuine cookie token
 *       whose session is still alive too ({@code loginrocket.refresh-expired-within}). Expired
 *       bearer tokens are never refreshed. A temporary LoginRocket failure keeps the cookie (the
 *       request is anonymous for now); only LoginRocket's 403 or a bad token clears it.
 *   <li>With a session: the application sees {@link HttpServletRequest#getUserPrincipal()} (a
 *       {@link LoginRocketPrincipal}), {@code getRemoteUser()} (the user id), {@code
 *       isUserInRole(p)} (a permission of the selected membership), {@code getAuthType()} ({@link
 *       #AUTH_TYPE}) and the request attribute {@link #SESSION_ATTRIBUTE}. For logs, the user id is also the
 *       attribute {@link #USER_ID_ATTRIBUTE} and, with SLF4J or JBoss Logging, {@code loginrocket.user}
 *       in the MDC; LoginRocket's request id of the latest call, {@link #REQUEST_ID_ATTRIBUTE} and
 *       {@code loginrocket.requestId}.
 *   <li>Without one, on a {@code loginrocket.login-required} path (whatever the method, {@code
 *       OPTIONS} included): a browser navigation is redirected (302) to LoginRocket Web's login
 *       page with a {@code redirect_uri} back ({@code loginrocket.public-url} when set) carrying a
 *       fresh login state; anything else gets 401 with {@code WWW-Authenticate: Bearer} and a
 *       JSON body in LoginRocket's error shape. Other paths go on as anonymous.
 * </ol>
 *
 * <p>Cookies are {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} (unless {@code
 * loginrocket.allow-insecure-loopback} is on and the request is plain http), expire with the token,
 * and go out with {@code Cache-Control: private, no-store}. Every LoginRocket call made while a
 * request is in the filter gets one attempt ({@link ClientForwarding}): a request thread never
 * sleeps for LoginRocket. LoginRocket being slow, down, rate
 * limiting or answering garbage never becomes a 500: protected paths fail closed (401 or login
 * redirect; LoginRocket's request id is logged), public paths keep working. Tokens and session ids
 * are never logged.
 *
 * <p>Configuration: {@code loginrocket.*} keys from system properties, the environment ({@code
 * LOGINROCKET_URL}), registered sources such as MicroProfile Config, JNDI {@code java:comp/env},
 * this filter's init-params, context-params, {@link EnableLoginRocket} and defaults (see {@link
 * ServletConfigSources}). Invalid configuration fails {@link #init(FilterConfig)}, and so the
 * deployment, with a message naming the key and its source.
 *
 * <p>A request the filter has nothing to do with (no {@code Origin}, no credentials, a public
 * path) costs a handful of header lookups and three thread-local lookups (binding and releasing
 * the browser's client, the log context), and allocates nothing: everything else is computed at
 * startup or on demand. Thread-safe.
 *
 * @since 0.1
 */
public final class LoginRocketFilter implements Filter {

    /** The request attribute holding the verified {@link LoginRocketSession}. */
    public static final String SESSION_ATTRIBUTE = LoginRocketSession.class.getName();

    /**
     * The request attribute holding the user id ({@code usr_…}) of an authenticated request, set on
     * the container's request so that its access log can print it (Tomcat: {@code
     * %{io.github.lrjakarta.userId}r}). Absent for anonymous requests.
     *
     * @since 0.2
     */
    public static final String USER_ID_ATTRIBUTE = "io.github.lrjakarta.userId";

    /**
     * The request attribute holding LoginRocket's {@code X-Request-ID} of the latest call the
     * filter's own client made for the request (a refresh, a {@code ?session=} intake, a logout),
     * for quoting to LoginRocket support. Absent when no call was made (and when the filter was
     * given a shared client through its builder, which it does not listen to); left out when the
     * id is not 1 to 128 visible ASCII characters.
     *
     * @since 0.2
     */
    public static final String REQUEST_ID_ATTRIBUTE = "io.github.lrjakarta.requestId";

    /** What {@link HttpServletRequest#getAuthType()} returns for a request with a session. */
    public static final String AUTH_TYPE = "LoginRocket";

    private static final Logger LOG = System.getLogger(LoginRocketFilter.class.getName());

    private final LoginRocketConfig givenConfig;
    private final List<ConfigSource> extraSources;
    private final PipelineBuilder.Parts parts;

    // Set once by init(); the container publishes the filter to request threads after init returns.
    private CorsPolicy cors;
    private FilterSettings settings;
    private LoginRocketAuthentication authentication;
    private LogContext logContext;

    /** For {@code web.xml}: configured from the standard sources when the container calls {@link #init(FilterConfig)}. */
    public LoginRocketFilter() {
        this(new Builder());
    }

    private LoginRocketFilter(Builder b) {
        this.givenConfig = b.config;
        this.extraSources = List.copyOf(b.sources);
        this.parts = b.parts();
    }

    /** A builder for programmatic registration ({@code ServletContext.addFilter(name, filter)}, embedded servers). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and checks the configuration and builds the client, verifier and CORS policy.
     *
     * @throws ServletException if the configuration is invalid; the message names key and source
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        LoginRocketConfig config = givenConfig;
        if (config == null) {
            LoginRocketConfig.Builder b = ServletConfigSources.forFilter(filterConfig);
            extraSources.forEach(b::source);
            config = b.build();
            warnAboutUnknownKeys("init-param", filterConfig.getInitParameterNames());
            warnAboutUnknownKeys("context-param", filterConfig.getServletContext().getInitParameterNames());
        }
        try {
            start(config);
        } catch (LoginRocketConfigException | IllegalArgumentException e) {
            throw new ServletException("LoginRocket filter configuration is invalid: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "LoginRocket filter for {0}: login required on {1}, logout path {2}, {3}",
                settings.url, settings.loginRequired, settings.logoutPath, cors);
    }

    /** A misspelt key would otherwise be silently ignored and its default used. */
    private static void warnAboutUnknownKeys(String kind, Enumeration<String> names) {
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            if (!LoginRocketKeys.isKnownKey(name)) {
                LOG.log(Level.WARNING, "Unknown LoginRocket {0} {1} ignored; see LoginRocketKeys for the keys",
                        kind, name);
            }
        }
    }

    private void start(LoginRocketConfig config) {
        Checked checked = check(config);
        ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
        this.logContext = LogContext.detect(applicationLoader != null ? applicationLoader : getClass().getClassLoader());
        this.settings = checked.settings();
        this.cors = checked.cors();
        this.authentication = parts.start(config, checked.settings(), checked.verifier(),
                b -> b.listener(logContext));
    }

    /** What {@link #check} built: everything but the client, which opens a connection pool. */
    private record Checked(FilterSettings settings, CorsPolicy cors, LoginRocketTokenVerifier verifier) {}

    private Checked check(LoginRocketConfig config) {
        // Collect every problem so one failed deployment reports them all, not one per attempt.
        ConfigProblems problems = new ConfigProblems();
        FilterSettings s = PipelineBuilder.checkedSettings(config, problems);
        CorsPolicy c = problems.get(() -> CorsPolicy.from(config));
        LoginRocketTokenVerifier v = parts.verifier(config, problems);
        problems.throwIfAny();
        return new Checked(s, c, v);
    }

    /**
     * Runs the checks of {@link #init(FilterConfig)} without starting anything. The initializer calls
     * it at deployment, because some containers (WildFly's Undertow) initialise filters only on the
     * first request, too late to fail the deployment.
     *
     * @throws LoginRocketConfigException listing every problem
     */
    static void checkConfiguration(LoginRocketConfig config) {
        new LoginRocketFilter().check(config);
    }

    /** Closes the client if this filter created it. */
    @Override
    public void destroy() {
        if (authentication != null) {
            authentication.close();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (cors.handle(req, res)) {
            return;
        }
        Object[] log = logContext.open(req);
        try (CallContext.Scope scope = ClientForwarding.bind(req)) {
            LoginRocketAuthentication.Outcome outcome =
                    authentication.authenticate(req, res, authentication.isLoginRequired(req));
            LoginRocketAuthentication.Outcome.Status status = outcome.status();
            if (status == LoginRocketAuthentication.Outcome.Status.AUTHENTICATED) {
                // not session().ifPresent(...): a bound method reference would allocate on every request
                logContext.user(log, outcome.session().orElseThrow());
            }
            if (status != LoginRocketAuthentication.Outcome.Status.RESPONDED) {
                chain.doFilter(outcome.requestToPassOn(req), res);
            }
        } finally {
            logContext.close(log);
        }
    }

    @Override
    public String toString() {
        return settings == null ? "LoginRocketFilter[not initialised]"
                : "LoginRocketFilter[" + settings.url + ", login required on " + settings.loginRequired + "]";
    }

    /**
     * Builds a {@link LoginRocketFilter} for programmatic registration. Besides the configuration
     * ({@link #config(LoginRocketConfig)}, {@link #source(ConfigSource)}) it takes the parts of the
     * pipeline, as {@link LoginRocketAuthentication.Builder} does: {@link #client}, {@link
     * #tokenVerifier}, {@link #sslContext} and {@link #clock}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder extends PipelineBuilder<Builder> {
        private LoginRocketConfig config;
        private final List<ConfigSource> sources = new ArrayList<>();

        private Builder() {}

        /**
         * A complete configuration to use instead of the standard sources (init-params and the
         * rest are then not read). Default: the standard sources, see {@link ServletConfigSources}.
         */
        public Builder config(LoginRocketConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** An extra source added to the standard ones (ignored with {@link #config(LoginRocketConfig)}). */
        public Builder source(ConfigSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** The filter; configured when the container calls {@link LoginRocketFilter#init(FilterConfig)}. */
        public LoginRocketFilter build() {
            return new LoginRocketFilter(this);
        }
    }
}
