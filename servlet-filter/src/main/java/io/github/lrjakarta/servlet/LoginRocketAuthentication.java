package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.SessionRecheck;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.internal.AuthenticatedRequest;
import io.github.lrjakarta.servlet.internal.CallBudget;
import io.github.lrjakarta.servlet.internal.ConfigProblems;
import io.github.lrjakarta.servlet.internal.FilterSettings;
import io.github.lrjakarta.servlet.internal.LoginState;
import io.github.lrjakarta.servlet.internal.PathPatterns;
import io.github.lrjakarta.servlet.internal.QueryCredentials;
import io.github.lrjakarta.servlet.internal.Responses;
import io.github.lrjakarta.servlet.internal.SessionRefresher;
import io.github.lrjakarta.servlet.internal.cors.SameOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The per-request authentication of LoginRocket users: one pipeline that {@link LoginRocketFilter}
 * and the container mechanisms (Jakarta Authentication {@code ServerAuthModule}, Jakarta Security
 * {@code HttpAuthenticationMechanism}) call, so that a user gets the same behaviour whichever entry
 * point the application picks.
 *
 * <p>Given a request, its response and whether authentication is mandatory there, {@link
 * #authenticate} does, in this order: logout at {@code loginrocket.logout-path} (a GET only with
 * same-origin evidence); credentials from the URL of a GET ({@code ?token=}, and {@code ?session=}
 * with {@code loginrocket.session-intake}), taken into the cookie only if this browser started the
 * login (or on a {@code loginrocket.login-landing-paths} path) and then stripped from the address
 * bar with a 303; credentials from the request ({@code Authorization: Bearer}, else the filter's
 * cookie), refreshing a cookie token about to expire or just expired through {@code GET
 * /v2/session}; and, without a session where one is mandatory, the login redirect (with a fresh
 * login state) for a browser navigation or a 401 for anything else. It answers with an {@link
 * Outcome}: {@linkplain Outcome.Status#AUTHENTICATED authenticated} (the caller is the user id,
 * the groups are the permissions of the selected org), {@linkplain Outcome.Status#ANONYMOUS
 * anonymous}, or {@linkplain Outcome.Status#RESPONDED responded} (the response is complete; the
 * caller must not pass the request on). CORS is not part of it: preflights carry no credentials
 * and are answered by {@link CorsPolicy} before anything asks for a login.
 *
 * <p>LoginRocket being slow, down, rate limiting or answering garbage never becomes an exception
 * here: the request is then anonymous (or refused where authentication is mandatory). Tokens,
 * session ids and secrets are never logged.
 *
 * <p>With {@code loginrocket.session-recheck-interval} set, the session of a token that verified is
 * confirmed through {@code GET /v2/session} at most once per interval ({@link SessionRecheck}; across
 * the cluster with a shared store), on the request that finds the check due; a session LoginRocket
 * says is over is refused like one logged out here, a failed check accepts the token.
 *
 * <p>Input from requests without a session never costs LoginRocket more than {@code
 * loginrocket.anonymous-call-rate} calls a second, and every call made here has one attempt
 * ({@link ClientForwarding#ONE_ATTEMPT}): a request thread never waits between attempts, whether or
 * not the caller bound {@link ClientForwarding#bind} (bind it anyway, for the browser's agent and language).
 *
 * <p>Thread-safe: build one per realm at startup and share it between all requests. It keeps small
 * bounded in-memory state (refresh and {@code ?session=} outcomes shared between concurrent
 * requests, sessions logged out here). {@link #close()} closes the client if the pipeline built it.
 *
 * <pre>{@code
 * LoginRocketAuthentication auth = LoginRocketAuthentication.builder().config(config).build();
 * LoginRocketAuthentication.Outcome outcome = auth.authenticate(request, response, auth.isLoginRequired(request));
 * switch (outcome.status()) {
 *     case AUTHENTICATED -> notifyContainer(outcome.callerName(), outcome.groups());
 *     case ANONYMOUS -> proceedAnonymously();
 *     case RESPONDED -> { } // the login redirect, a 401, a 303 or the logout answer has been written
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class LoginRocketAuthentication implements AutoCloseable {

    private static final Logger LOG = System.getLogger(LoginRocketAuthentication.class.getName());

    private final FilterSettings settings;
    private final LoginRocketClient client;
    private final boolean ownsClient;
    private final LoginRocketTokenVerifier verifier;
    private final Clock clock;
    /** Refreshes of cookie tokens, keyed by the old token. */
    private final SessionRefresher refresher;
    /** {@code ?session=} exchanges, keyed by session id: single-flight and a short negative memory. */
    private final SessionRefresher intake;
    private final CallBudget anonymousCalls;
    private final LoginState loginState;
    private final EndedSessions ended;
    /** Null when {@code loginrocket.session-recheck-interval} is not set. */
    private final SessionRecheck recheck;

    LoginRocketAuthentication(FilterSettings settings, LoginRocketClient client, boolean ownsClient,
            LoginRocketTokenVerifier verifier, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.ownsClient = ownsClient;
        this.verifier = verifier;
        this.clock = clock;
        this.refresher = new SessionRefresher(client, verifier, clock);
        this.intake = new SessionRefresher(client, verifier, clock);
        this.anonymousCalls = new CallBudget(settings.anonymousCallRate, clock);
        this.loginState = new LoginState(settings.cookie);
        // the verifier's store: once a session is recorded there, the verifier refuses its tokens,
        // cached ones included, on this node and (with a shared store) on every node
        this.ended = verifier.endedSessions();
        this.recheck = settings.sessionRecheckInterval == null ? null : SessionRecheck.builder()
                .client(client)
                .interval(settings.sessionRecheckInterval)
                .sessionChecks(settings.sessionChecks)
                .endedSessions(ended)
                .clock(clock)
                .build();
    }

    /** A builder; {@link Builder#config(LoginRocketConfig)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code loginrocket.login-required} names the request's path (servlet path plus path
     * info), so that callers without their own notion of a protected path can ask.
     */
    public boolean isLoginRequired(HttpServletRequest request) {
        return settings.loginRequired.matches(request.getServletPath(), request.getPathInfo());
    }

    /**
     * Authenticates one request; never throws for anything LoginRocket or the client does. Bind
     * {@link ClientForwarding#bind} around it, so that its LoginRocket calls carry the browser's
     * agent and make one attempt each.
     *
     * @param request the request
     * @param response its response, for cookies, redirects and refusals
     * @param mandatory whether a request without a session must be refused here (login redirect for
     *     a browser navigation, 401 otherwise) instead of going on as anonymous
     * @return the outcome; {@link Outcome.Status#RESPONDED} when the response is complete
     * @throws IOException if writing a refusal fails
     */
    public Outcome authenticate(HttpServletRequest request, HttpServletResponse response, boolean mandatory)
            throws IOException {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (settings.logoutPath != null && PathPatterns.equalsPath(servletPath, pathInfo, settings.logoutPath)) {
            logout(request, response);
            return Outcome.RESPONDED;
        }
        try {
            return authenticateCredentials(request, response, mandatory);
        } catch (RuntimeException e) {
            // A bug or an unforeseen failure: no stack trace to the client, fail closed where it matters.
            LOG.log(Level.WARNING, "LoginRocket could not authenticate a request to {0}: {1}",
                    request.getRequestURI(), e.getClass().getName());
            LOG.log(Level.DEBUG, "Details", e);
            if (response.isCommitted()) {
                return Outcome.RESPONDED;
            }
            if (mandatory) {
                deny(request, response, false);
                return Outcome.RESPONDED;
            }
            return Outcome.ANONYMOUS;
        }
    }

    private Outcome authenticateCredentials(HttpServletRequest req, HttpServletResponse res, boolean mandatory)
            throws IOException {
        if ("GET".equals(req.getMethod())) {
            String query = req.getQueryString();
            if (query != null && QueryCredentials.mayContain(query)) {
                QueryCredentials credentials = QueryCredentials.parse(query, settings.sessionIntake);
                if (credentials != null && credentials.hasCredentials()) {
                    takeFromQuery(req, res, credentials);
                    return Outcome.RESPONDED;
                }
            }
        }
        String token = bearer(req.getHeader("Authorization"));
        boolean fromCookie = false;
        if (token == null) {
            token = settings.cookie.read(req);
            fromCookie = token != null;
        }
        if (token == null) {
            // No exemption for OPTIONS: CorsPolicy has answered every real preflight (it has an Origin)
            // before this point, so an OPTIONS here is an ordinary request to a protected resource.
            if (mandatory) {
                deny(req, res, false);
                return Outcome.RESPONDED;
            }
            return Outcome.ANONYMOUS;
        }
        SessionRefresher.Result found = session(req, res, token, fromCookie);
        Optional<LoginRocketSession> session = found.session();
        if (session.isPresent()) {
            req.setAttribute(LoginRocketFilter.SESSION_ATTRIBUTE, session.get());
            return Outcome.authenticated(req, session.get());
        }
        // A cookie goes only when its token is no good or LoginRocket says the session is over; a
        // temporary failure (429, 5xx, timeout) leaves it for a later request to refresh.
        if (fromCookie && found.sessionOver()) {
            settings.cookie.clear(req, res);
        }
        if (mandatory) {
            deny(req, res, !fromCookie);
            return Outcome.RESPONDED;
        }
        return Outcome.ANONYMOUS;
    }

    /**
     * The session for a token, refreshing a cookie token when it is about to expire or just
     * expired. An invalid token counts as a session that is over.
     */
    private SessionRefresher.Result session(HttpServletRequest req, HttpServletResponse res, String token, boolean fromCookie) {
        TokenVerification verification = verifier.verify(token);
        Optional<LoginRocketSession> valid = verification.session();
        if (valid.isPresent()) {
            LoginRocketSession session = valid.get();
            if (fromCookie && dueForRefresh(session)) {
                Optional<LoginRocketSession> fresh = refresher.refresh(token, session).session();
                if (fresh.isPresent()) {
                    // just confirmed by LoginRocket: no re-check needed
                    settings.cookie.write(req, res, fresh.get().token(), fresh.get().expiresAt(), clock.instant());
                    return SessionRefresher.Result.of(fresh.get());
                }
            }
            if (recheck != null && recheck.check(session) == SessionRecheck.Outcome.ENDED) {
                // ended elsewhere (LoginRocket Web, another application, an administrator): as after our own logout
                refresher.forget(session.sessionId());
                intake.forget(session.sessionId());
                return SessionRefresher.Result.OVER;
            }
            return SessionRefresher.Result.of(session);
        }
        // Expired tokens are refreshed only from the filter's own cookie: a Bearer token (which may
        // have leaked from a log) stops working when it expires.
        Optional<LoginRocketSession> expired = fromCookie ? refreshableExpired(verification) : Optional.empty();
        if (expired.isPresent()) {
            SessionRefresher.Result result = refresher.refresh(token, expired.get());
            result.session().ifPresent(fresh ->
                    settings.cookie.write(req, res, fresh.token(), fresh.expiresAt(), clock.instant()));
            return result;
        }
        return SessionRefresher.Result.OVER;
    }

    /**
     * The session of a genuine token that expired at most {@code loginrocket.refresh-expired-within}
     * ago (the verifier vouches for signature, issuer and realm); LoginRocket then decides whether
     * the session is still alive.
     */
    private Optional<LoginRocketSession> refreshableExpired(TokenVerification verification) {
        Duration window = settings.refreshExpiredWithin;
        if (window.isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return verification.expiredSession().filter(s -> !s.expiresAt().plus(window).isBefore(now));
    }

    private boolean dueForRefresh(LoginRocketSession session) {
        Duration before = settings.refreshBefore;
        if (before.isZero()) {
            return false;
        }
        Instant now = clock.instant();
        // Only tokens older than the window, so a realm with very short tokens is not refreshed on every request.
        return session.expiresAt().minus(before).isBefore(now) && session.issuedAt().plus(before).isBefore(now);
    }

    /**
     * Takes a token or session id from the URL into the cookie, then 303 to the URL without them.
     * Only when this browser started the login (its state cookie matches the URL's state) or on a
     * {@code loginrocket.login-landing-paths} path; there, a valid session of another user in the
     * cookie is kept, never silently replaced.
     */
    private void takeFromQuery(HttpServletRequest req, HttpServletResponse res, QueryCredentials credentials) {
        String location = credentials.location(req.getRequestURI());
        boolean startedHere = loginState.matches(req, credentials.state());
        if (startedHere) {
            loginState.clear(req, res); // good for one return; a wrong state leaves a login in progress alone
        }
        boolean landing = !startedHere && settings.loginLanding.matches(req.getServletPath(), req.getPathInfo());
        if (!startedHere && !landing) {
            LOG.log(Level.INFO, "Credentials in the URL of {0} ignored: this browser did not start a login"
                    + " (no matching login state; see loginrocket.login-landing-paths)", req.getRequestURI());
            Responses.seeOther(res, location);
            return;
        }
        LoginRocketSession session = null;
        String token = credentials.token();
        if (token != null) {
            TokenVerification verification = verifier.verify(token);
            session = verification.session().orElse(null);
            if (session == null) {
                LOG.log(Level.INFO, "Token in the URL of {0} rejected: {1}", req.getRequestURI(), verification);
            }
        }
        String sessionId = credentials.session();
        if (session == null && sessionId != null) {
            String account = credentials.account();
            session = intake.exchange(sessionId, account != null && isId(account, "org_") ? account : null,
                    anonymousCalls).session().orElse(null);
        }
        if (session != null && landing && belongsToAnotherUser(req, session)) {
            LOG.log(Level.INFO, "Credentials in the URL of {0} ignored: the browser has a valid session of another user",
                    req.getRequestURI());
            session = null;
        }
        if (session != null) {
            settings.cookie.write(req, res, session.token(), session.expiresAt(), clock.instant());
        }
        Responses.seeOther(res, location);
    }

    private boolean belongsToAnotherUser(HttpServletRequest req, LoginRocketSession incoming) {
        String current = settings.cookie.read(req);
        if (current == null) {
            return false;
        }
        return verifier.verify(current).session()
                .map(s -> !s.user().id().equals(incoming.user().id()))
                .orElse(false);
    }

    private void logout(HttpServletRequest req, HttpServletResponse res) {
        if (!isLogoutAllowed(req)) {
            LOG.log(Level.DEBUG, "{0} to the logout path without same-origin evidence refused", req.getMethod());
            Responses.noStore(res);
            res.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String token = bearer(req.getHeader("Authorization"));
        if (token == null) {
            token = settings.cookie.read(req);
        }
        if (token != null) {
            TokenVerification verification = verifier.verify(token);
            Optional<LoginRocketSession> session = verification.session();
            if (session.isEmpty()) {
                session = refreshableExpired(verification);
            }
            session.ifPresent(this::endSession);
        }
        settings.cookie.clear(req, res);
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("text/html") && req.getHeader("X-Requested-With") == null) {
            Responses.seeOther(res, logoutTarget(req));
        } else {
            Responses.noStore(res);
            res.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private void endSession(LoginRocketSession session) {
        String sessionId = session.sessionId();
        // Neither remembered refresh outcomes nor locally verified tokens may serve this session after the logout.
        // Any token of the session minted before now expires within one token lifetime from now.
        ended.end(sessionId, clock.instant().plus(Duration.between(session.issuedAt(), session.expiresAt())));
        refresher.forget(sessionId);
        intake.forget(sessionId);
        try {
            client.logout(sessionId, ClientForwarding.ONE_ATTEMPT);
        } catch (LoginRocketException e) {
            // The cookie is cleared anyway; the LoginRocket session ends on its own.
            LOG.log(Level.WARNING, "LoginRocket logout failed: {0} (status {1}, request id {2})",
                    e.getClass().getSimpleName(), e.status(), e.requestId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LoginRocket logout failed unexpectedly: {0}", e.getClass().getName());
        }
    }

    /**
     * Whether a logout may proceed (cross-site request forgery defence). A GET or HEAD needs
     * positive evidence that it comes from this application: {@code Sec-Fetch-Site: same-origin} or
     * {@code none} (typed, bookmarked), else an {@code Origin} or {@code Referer} of this origin. A
     * browser that sends none of them (or a stripped {@code Referer}) must use a POST. Other methods
     * are refused only when the browser says another site submitted a form ({@code Sec-Fetch-Site:
     * cross-site} with {@code Sec-Fetch-Mode: navigate}); a cross-site script's POST carries no
     * {@code SameSite=Lax} cookie and must bring its own bearer token. Fetch Metadata headers cannot
     * be set by page scripts.
     */
    boolean isLogoutAllowed(HttpServletRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return !("cross-site".equalsIgnoreCase(site) && "navigate".equalsIgnoreCase(req.getHeader("Sec-Fetch-Mode")));
        }
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
        }
        String origin = req.getHeader("Origin");
        if (origin != null) {
            return isOwnOrigin(req, origin);
        }
        String referer = req.getHeader("Referer");
        if (referer == null) {
            return false;
        }
        int pathStart = referer.indexOf('/', referer.indexOf("//") + 2);
        return referer.indexOf("//") > 0 && isOwnOrigin(req, pathStart < 0 ? referer : referer.substring(0, pathStart));
    }

    private boolean isOwnOrigin(HttpServletRequest req, String origin) {
        if (settings.publicUrl != null) {
            int pathStart = settings.publicUrl.indexOf('/', settings.publicUrl.indexOf("//") + 2);
            String own = pathStart < 0 ? settings.publicUrl : settings.publicUrl.substring(0, pathStart);
            return own.equalsIgnoreCase(origin);
        }
        return SameOrigin.matches(req, origin);
    }

    private String logoutTarget(HttpServletRequest req) {
        String target = settings.logoutRedirect;
        if (target == null) {
            return settings.url.webUri("logout").toString();
        }
        return target.startsWith("/") ? req.getContextPath() + target : target;
    }

    private void deny(HttpServletRequest req, HttpServletResponse res, boolean invalidToken) throws IOException {
        if (Responses.isBrowserNavigation(req)) {
            String state = loginState.start(req, res);
            String back = Responses.returnUrl(ownUrl(req), req.getQueryString(), LoginState.PARAMETER + "=" + state);
            Responses.redirectToLogin(res, settings.url, back);
        } else {
            Responses.unauthorized(res, invalidToken);
        }
    }

    /** This request's URL without query: under {@code loginrocket.public-url} when set, else as the container reports it. */
    private String ownUrl(HttpServletRequest req) {
        if (settings.publicUrl == null) {
            return req.getRequestURL().toString();
        }
        String uri = req.getRequestURI();
        String contextPath = req.getContextPath();
        String withinApp = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return settings.publicUrl + (withinApp.startsWith("/") ? withinApp : "/" + withinApp);
    }

    /** The token of an {@code Authorization: Bearer} header; null for none or another scheme. */
    static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** A LoginRocket id such as {@code kss_…}: the prefix and 1 to 64 letters and digits. */
    static boolean isId(String value, String prefix) {
        return QueryCredentials.isId(value, prefix);
    }

    /** Closes the client if this pipeline built it. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "LoginRocketAuthentication[" + settings.url + ", login required on " + settings.loginRequired + "]";
    }

    /**
     * What {@link #authenticate} decided for one request. Immutable.
     *
     * @since 0.2
     */
    public static final class Outcome {

        /** The kinds of outcome. */
        public enum Status {
            /** A verified LoginRocket session: pass on {@link #requestToPassOn}, or report the caller and groups. */
            AUTHENTICATED,
            /** No session, and none was mandatory: go on without a user. */
            ANONYMOUS,
            /**
             * The response is complete (login redirect, 401, the 303 after taking credentials from the
             * URL, a logout answer): do not pass the request on.
             */
            RESPONDED
        }

        static final Outcome RESPONDED = new Outcome(Status.RESPONDED, null, null);
        /** Shared: most requests are anonymous, and an outcome per request would be garbage for nothing. */
        static final Outcome ANONYMOUS = new Outcome(Status.ANONYMOUS, null, null);

        private final Status status;
        private final HttpServletRequest request;
        private final LoginRocketSession session;

        private Outcome(Status status, HttpServletRequest request, LoginRocketSession session) {
            this.status = status;
            this.request = request;
            this.session = session;
        }

        static Outcome authenticated(HttpServletRequest request, LoginRocketSession session) {
            return new Outcome(Status.AUTHENTICATED, new AuthenticatedRequest(request, session, LoginRocketFilter.AUTH_TYPE),
                    session);
        }

        public Status status() {
            return status;
        }

        /**
         * The request to pass on down the chain: when authenticated, a wrapper of {@code request}
         * answering {@code getUserPrincipal()}, {@code getRemoteUser()}, {@code isUserInRole()} and
         * {@code getAuthType()} from the session; when anonymous, {@code request} itself.
         *
         * @param request the request given to {@link LoginRocketAuthentication#authenticate}
         * @throws IllegalStateException if the response was written (nothing is to be passed on)
         */
        public HttpServletRequest requestToPassOn(HttpServletRequest request) {
            if (status == Status.RESPONDED) {
                throw new IllegalStateException("The response was written; nothing to pass on");
            }
            return this.request != null ? this.request : request;
        }

        /** The verified session when authenticated. */
        public Optional<LoginRocketSession> session() {
            return Optional.ofNullable(session);
        }

        /** The caller principal's name, the LoginRocket user id ({@code usr_…}); null unless authenticated. */
        public String callerName() {
            return session == null ? null : session.user().id();
        }

        /**
         * The caller's groups: the permissions of the selected org (never those of another org the
         * user belongs to); empty unless authenticated.
         */
        public Set<String> groups() {
            return session == null ? Set.of()
                    : session.selectedMembership().map(LoginRocketMembership::permissions).orElse(Set.of());
        }

        @Override
        public String toString() {
            return "Outcome[" + status + (session == null ? "" : ", " + session) + "]";
        }
    }

    /**
     * Builds a {@link LoginRocketAuthentication}, checking the configuration the way the filter
     * does. Besides {@link #config(LoginRocketConfig)} it takes the filter builder's parts: {@link
     * #client}, {@link #tokenVerifier}, {@link #sslContext} and {@link #clock}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder extends PipelineBuilder<Builder> {
        private LoginRocketConfig config;

        private Builder() {}

        /** The realm's configuration. Required. */
        public Builder config(LoginRocketConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The pipeline.
         *
         * @throws io.github.lrjakarta.core.config.LoginRocketConfigException listing every problem of
         *     the configuration, each with its key and source
         */
        public LoginRocketAuthentication build() {
            if (config == null) {
                throw new IllegalStateException("config is required");
            }
            Parts parts = parts();
            ConfigProblems problems = new ConfigProblems();
            FilterSettings settings = checkedSettings(config, problems);
            LoginRocketTokenVerifier verifier = parts.verifier(config, problems);
            problems.throwIfAny();
            return parts.start(config, settings, verifier, UnaryOperator.identity());
        }
    }
}
