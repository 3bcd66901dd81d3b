package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.ApiCall;
import io.github.lrjakarta.core.internal.CallExecutor;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.internal.ClientSettings;
import io.github.lrjakarta.core.internal.HttpTransport;
import io.github.lrjakarta.core.internal.LocalRateLimitGuard;
import io.github.lrjakarta.core.internal.Listeners;
import io.github.lrjakarta.core.internal.RawResponse;
import io.github.lrjakarta.core.internal.UserAgents;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * A client for one realm's LoginRocket API: one typed method per API call.
 *
 * <h2>Share one client</h2>
 *
 * <p>Build one client per realm when the application starts, share it between all threads and
 * requests, and {@linkplain #close() close} it when the application stops. A client owns a pool of
 * HTTP connections (Apache HttpClient 5) and its TLS setup; building one per request would pay a
 * TCP and TLS handshake on every call, and forgetting to close them leaks connections. The CDI
 * extension and the servlet filter already manage one for you.
 *
 * <pre>{@code
 * LoginRocketClient lr = LoginRocketClient.builder()
 *         .url("https://sample.e2.loginrocket.com")
 *         .userAgent("billing-app/2.3")
 *         .locale(Locale.ENGLISH)
 *         .build();
 *
 * LoginResult r = lr.login("dana@example.org", password);   // throws ValidationException on a bad password
 * String token = r.token().orElseThrow();                    // verify it with LoginRocketTokenVerifier
 * }</pre>
 *
 * <h2>Threading</h2>
 *
 * <p>Clients are immutable and thread-safe: every method may be called from any number of threads
 * at once. Calls are blocking; at most {@code maxConnections} run at the same time, further calls
 * wait up to {@code connectionRequestTimeout} for a free connection. {@link #close()} is idempotent;
 * calls made after it throw {@link IllegalStateException}, calls in flight fail with a {@link
 * TransportException}.
 *
 * <h2>Defaults</h2>
 *
 * <table>
 *   <caption>Builder settings</caption>
 *   <tr><th>Setting</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#url(String) url}</td><td>required; https only, normalised to {@code …/v2/}</td></tr>
 *   <tr><td>{@link Builder#allowInsecureLoopback(boolean) allowInsecureLoopback}</td><td>{@code false}</td></tr>
 *   <tr><td>{@link Builder#locale(Locale) locale}</td><td>none (no {@code Accept-Language})</td></tr>
 *   <tr><td>{@link Builder#userAgent(String) userAgent}</td><td>none</td></tr>
 *   <tr><td>{@link Builder#connectTimeout(Duration) connectTimeout}</td><td>5 s (TCP connect and TLS handshake)</td></tr>
 *   <tr><td>{@link Builder#responseTimeout(Duration) responseTimeout}</td><td>10 s (silence while waiting for or reading the response; also the time a body may take)</td></tr>
 *   <tr><td>{@link Builder#connectionRequestTimeout(Duration) connectionRequestTimeout}</td><td>5 s (waiting for a pooled connection)</td></tr>
 *   <tr><td>{@link Builder#maxConnections(int) maxConnections}</td><td>50</td></tr>
 *   <tr><td>{@link Builder#bodyEncoding(BodyEncoding) bodyEncoding}</td><td>{@link BodyEncoding#JSON}</td></tr>
 *   <tr><td>{@link Builder#retryPolicy(RetryPolicy) retryPolicy}</td><td>{@link RetryPolicy#defaults()}: idempotent calls only, 3 attempts</td></tr>
 *   <tr><td>{@link Builder#sslContext(SSLContext) sslContext}</td><td>the JDK default trust store</td></tr>
 *   <tr><td>{@link Builder#maxResponseBytes(int) maxResponseBytes}</td><td>1 MiB</td></tr>
 *   <tr><td>{@link Builder#listener(LoginRocketListener) listener}</td><td>none</td></tr>
 *   <tr><td>{@link Builder#httpClientCustomizer(Consumer) httpClientCustomizer}</td><td>none</td></tr>
 * </table>
 *
 * <h2>What goes over the wire</h2>
 *
 * <ul>
 *   <li>https with TLS 1.3 or 1.2 only; plain http only to a loopback address and only with {@code
 *       allowInsecureLoopback(true)} (for the testkit emulator). There is never a fallback from
 *       https to http. Redirects are not followed and no cookies are kept. Connections go through
 *       the JVM's proxy settings ({@code -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}, or any
 *       {@code ProxySelector.setDefault}), as {@code java.net.URL}'s do.
 *   <li>{@code Accept: application/json} on every request; {@code Accept-Language} from the call's
 *       {@link CallOptions}, else the options bound by {@link CallContext}, else the client's locale.
 *   <li>Session ids always as the {@code session} query parameter, also for POST and PUT, never in a
 *       header or the body. POST/PUT fields as JSON, or form-encoded with {@link BodyEncoding#FORM}.
 * </ul>
 *
 * <h3>User-Agent and LR-Agent</h3>
 *
 * <p>LoginRocket records the {@code User-Agent} of a call as the client of the session it creates,
 * and AuthRocket asks libraries to identify themselves so that they can be contacted about
 * problems. One header cannot do both when the call is made on behalf of a browser, so the client
 * does what AuthRocket's own LoginRocket library does (it sends {@code LR-Agent: LoginRocket/js
 * v1.0.1}, since a browser's {@code User-Agent} cannot be changed):
 *
 * <ul>
 *   <li>{@code LR-Agent} always carries this library's string: {@code loginrocket-jakarta/<version>}
 *       followed by the application's {@link Builder#userAgent(String) userAgent} part, if set;
 *   <li>{@code User-Agent} carries the end user's browser string when one is given ({@link
 *       CallOptions.Builder#endUserAgent(String)}, or bound by the servlet filter through {@link
 *       CallContext}), so that the session list shows the user's real device; otherwise it carries
 *       the library string too, which is then the meaningful client.
 * </ul>
 *
 * <h2>Results, errors and retries</h2>
 *
 * <p>A successful call returns a {@link LoginResult}. Every failure throws a subclass of {@link
 * LoginRocketException} carrying the HTTP status, the {@code X-Request-ID} and LoginRocket's
 * localised messages; see there for the mapping. The status is checked before the body is parsed,
 * bodies are read through the {@code maxResponseBytes} bound, and exception messages never contain
 * a session id, token or password. Failed calls are repeated only as the {@link RetryPolicy} allows
 * (by default only {@code getSession} and {@code logout}, the idempotent calls); the final error is
 * always thrown.
 *
 * <h2>Rate limits: the client backs off</h2>
 *
 * <p>A 429 is LoginRocket telling the client to slow down, not to try again at once. After a 429, or
 * a 503 that names a wait ({@code Retry-After}, else {@code Ratelimit-Reset}), the client refuses
 * every further call, all eleven of them and from every thread, locally and at once: it throws a
 * {@link RateLimitedException} whose {@link RateLimitedException#refusedLocally() refusedLocally()}
 * is true, whose {@link RateLimitedException#retryAfter() retryAfter()} is the remaining wait and
 * whose request id is that of the response that started the back-off. No request is sent, so a
 * flood of calls cannot prolong the limit or pin threads. When the wait has passed, one call goes
 * through as a probe while the others are still refused; an answer that is not a rate limit (a
 * success, or an error such as 403 or 422) ends the back-off, another rate limit starts a new wait.
 * A 429 that names no wait counts as 1 s; a wait above 5 minutes is capped there (a {@code
 * Retry-After} of a year from a broken proxy would otherwise lock the realm out). A retry the
 * {@link RetryPolicy} makes after sleeping the requested wait is that probe. The back-off is
 * logged once per episode: a WARNING with the request id and the wait when it starts, an INFO with
 * the number of refused calls when it ends. With a {@link Builder#sharedBackOff(SharedBackOff)
 * shared back-off} (set up by {@code loginrocket.ended-sessions.store=jcache}) the episode is the
 * cluster's: a rate limit seen by any node holds back every node, and the first node whose probe
 * is answered ends it for all.
 *
 * <h2>Logging</h2>
 *
 * <p>Through {@link System.Logger} named {@code io.github.lrjakarta.core.LoginRocketClient} (JUL by
 * default, so Tomcat's and WildFly's logging): at DEBUG one line per exchange with method, path
 * (without the query, which holds the session id), status, request id and duration, plus retry
 * decisions; at TRACE a line before each attempt. Session ids, tokens, passwords and bodies are
 * never logged.
 *
 * @since 0.1
 */
public class LoginRocketClient implements AutoCloseable {

    /**
     * Default of {@link Builder#connectTimeout(Duration)} and {@code loginrocket.connect-timeout}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Default of {@link Builder#responseTimeout(Duration)} and {@code loginrocket.response-timeout}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Default of {@link Builder#connectionRequestTimeout(Duration)} and {@code
     * loginrocket.connection-request-timeout}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_CONNECTION_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Default of {@link Builder#maxConnections(int)} and {@code loginrocket.max-connections}.
     *
     * @since 0.2
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;

    /**
     * Default of {@link Builder#endedSessionRetention(Duration)} and {@code
     * loginrocket.ended-sessions.retention}: longer than LoginRocket's token lifetimes.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_ENDED_SESSION_RETENTION = Duration.ofDays(1);

    private final ClientSettings settings;
    private final CallExecutor executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EndedSessions endedSessions;
    private final Duration endedSessionRetention;

    private LoginRocketClient(ClientSettings settings, LongSupplier ticker, EndedSessions endedSessions,
            Duration endedSessionRetention, SharedBackOff sharedBackOff) {
        this.settings = settings;
        this.executor = new CallExecutor(settings, new LocalRateLimitGuard(settings.url().root().toString(), ticker,
                settings.listener(), sharedBackOff, System::currentTimeMillis));
        this.endedSessions = endedSessions;
        this.endedSessionRetention = endedSessionRetention;
    }

    /**
     * For CDI client proxies only: the CDI extension registers the client as an
     * {@code @ApplicationScoped} bean, and the container subclasses it to build the proxy, which
     * forwards every call to a real client. An instance made with this constructor has no settings:
     * its calls and {@link #url()} throw {@link IllegalStateException} saying so, and {@link
     * #close()} does nothing. Build clients with {@link #builder()}.
     */
    protected LoginRocketClient() {
        this.settings = null;
        this.executor = null;
        this.endedSessions = null;
        this.endedSessionRetention = null;
    }

    /** The settings this client was built with; for tests comparing two ways of building one. */
    ClientSettings settings() {
        return settings;
    }

    /** The HTTP stack of this client, for a verifier that fetches its key set with it. */
    HttpTransport transport() {
        configured();
        return executor.transport();
    }

    /** How long a logout through this client keeps its session refused; for tests, as {@link #settings()}. */
    Duration endedSessionRetention() {
        return endedSessionRetention;
    }

    /** A builder; {@link Builder#url(String) url} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The realm URL this client talks to. */
    public LoginRocketUrl url() {
        return configured().url();
    }

    private ClientSettings configured() {
        if (settings == null) {
            throw new IllegalStateException("this LoginRocketClient was made by the constructor meant for CDI proxies"
                    + " and has no settings; build clients with LoginRocketClient.builder(), or inject the one the"
                    + " CDI extension manages");
        }
        return settings;
    }

    // ---- POST /v2/login -------------------------------------------------------------------------

    /**
     * Logs a user in: {@code POST /v2/login}.
     *
     * @param email the e-mail address, username or user id
     * @param password the password
     * @return a {@code full_login}, or a {@code conditional_login} when a further step is needed
     * @throws ValidationException on wrong credentials or a lockout (with LoginRocket's messages)
     */
    public LoginResult login(String email, String password) {
        return login(LoginRequest.builder().email(email).password(password).build(), CallOptions.none());
    }

    /**
     * Logs a user in: {@code POST /v2/login}.
     *
     * @param request the fields
     * @return a {@code full_login}, or a {@code conditional_login} when a further step is needed
     * @throws ValidationException on wrong credentials or a lockout (with LoginRocket's messages)
     */
    public LoginResult login(LoginRequest request) {
        return login(request, CallOptions.none());
    }

    /**
     * Logs a user in: {@code POST /v2/login}, with per-call options. Pass the browser's agent in
     * {@code options} so that the new session records it.
     *
     * @param request the fields
     * @param options per-call options
     * @return a {@code full_login}, or a {@code conditional_login} when a further step is needed
     * @throws ValidationException on wrong credentials or a lockout (with LoginRocket's messages)
     */
    public LoginResult login(LoginRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        return post("login", null, request.fields(), options);
    }

    // ---- POST /v2/login/verify ------------------------------------------------------------------

    /**
     * Completes a login that needs a verification code: {@code POST /v2/login/verify}.
     *
     * @param token the step token from the previous {@code conditional_login}
     * @param code the code the user entered
     * @return normally a {@code full_login}
     * @throws ValidationException on a wrong or expired code
     */
    public LoginResult verifyLogin(String token, String code) {
        return verifyLogin(VerifyLoginRequest.builder().token(token).code(code).build(), CallOptions.none());
    }

    /**
     * Completes a login that needs a verification code: {@code POST /v2/login/verify}.
     *
     * @param request the fields
     * @return normally a {@code full_login}
     * @throws ValidationException on a wrong or expired code
     */
    public LoginResult verifyLogin(VerifyLoginRequest request) {
        return verifyLogin(request, CallOptions.none());
    }

    /**
     * Completes a login that needs a verification code: {@code POST /v2/login/verify}, with
     * per-call options.
     *
     * @param request the fields
     * @param options per-call options
     * @return normally a {@code full_login}
     * @throws ValidationException on a wrong or expired code
     */
    public LoginResult verifyLogin(VerifyLoginRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        return post("login/verify", null, request.fields(), options);
    }

    // ---- GET /v2/session ------------------------------------------------------------------------

    /**
     * Refreshes a session: {@code GET /v2/session}. Returns a {@code full_login} with a freshly
     * issued token while the session is alive. Idempotent, so retried per the {@link RetryPolicy}.
     *
     * @param sessionId the session id ({@code kss_…})
     * @return a {@code full_login}, or a {@code conditional_login} with {@code no_account_selected}
     *     in a multi-user realm
     * @throws AccessDeniedException if the session is unknown, expired or logged out
     */
    public LoginResult getSession(String sessionId) {
        return getSession(sessionId, null, CallOptions.none());
    }

    /**
     * Refreshes a session and selects or switches the account: {@code GET /v2/session?account=…}.
     *
     * @param sessionId the session id ({@code kss_…})
     * @param account the account (org id) to select, or {@code null} for the current one
     * @return a {@code full_login} for that account
     * @throws AccessDeniedException if the session is unknown, expired or logged out
     */
    public LoginResult getSession(String sessionId, String account) {
        return getSession(sessionId, account, CallOptions.none());
    }

    /**
     * Refreshes a session, optionally selecting an account, with per-call options.
     *
     * @param sessionId the session id ({@code kss_…})
     * @param account the account (org id) to select, or {@code null}
     * @param options per-call options
     * @return a {@code full_login}, or a {@code conditional_login}
     * @throws AccessDeniedException if the session is unknown, expired or logged out
     */
    public LoginResult getSession(String sessionId, String account, CallOptions options) {
        Map<String, String> query = sessionQuery(sessionId);
        if (account != null) {
            query.put("account", account);
        }
        return call(new ApiCall("GET", "session", query, null, true), options);
    }

    // ---- DELETE /v2/session ---------------------------------------------------------------------

    /**
     * Logs a session out: {@code DELETE /v2/session}. Afterwards every call with that session id
     * gets a 403. Before returning (or throwing the 403) the session is recorded in the client's
     * {@link Builder#endedSessions(EndedSessions) ended-sessions store}, so a verifier sharing it
     * refuses the session's remaining tokens at once, on every node that shares the store. Idempotent, so retried per the {@link RetryPolicy}; if an attempt whose answer was
     * lost did end the session, the retry gets a 403 and that {@link AccessDeniedException} is
     * thrown (with the transport error attached as suppressed): either way the session is over.
     *
     * @param sessionId the session id ({@code kss_…})
     * @return {@code okay}
     * @throws AccessDeniedException if the session was already unknown, expired or logged out
     */
    public LoginResult logout(String sessionId) {
        return logout(sessionId, CallOptions.none());
    }

    /**
     * Logs a session out: {@code DELETE /v2/session}, with per-call options.
     *
     * @param sessionId the session id ({@code kss_…})
     * @param options per-call options
     * @return {@code okay}
     * @throws AccessDeniedException if the session was already unknown, expired or logged out
     */
    public LoginResult logout(String sessionId, CallOptions options) {
        LoginResult result;
        try {
            result = call(new ApiCall("DELETE", "session", sessionQuery(sessionId), null, true), options);
        } catch (AccessDeniedException e) {
            // Unknown, expired or already logged out: over either way, and its tokens must stop working.
            endedSessions.end(sessionId, Instant.now().plus(endedSessionRetention));
            throw e;
        }
        endedSessions.end(sessionId, Instant.now().plus(endedSessionRetention));
        return result;
    }

    /** The store {@link #logout(String)} records ended sessions in; shared with the verifier. */
    public EndedSessions endedSessions() {
        return endedSessions;
    }

    // ---- POST /v2/password/forgot ---------------------------------------------------------------

    /**
     * Asks LoginRocket to e-mail a password-reset link: {@code POST /v2/password/forgot}.
     *
     * @param email the e-mail address, username or user id
     * @return {@code okay}
     */
    public LoginResult forgotPassword(String email) {
        return forgotPassword(email, CallOptions.none());
    }

    /**
     * Asks LoginRocket to e-mail a password-reset link, with per-call options (the locale picks the
     * e-mail's language where the realm supports it).
     *
     * @param email the e-mail address, username or user id
     * @param options per-call options
     * @return {@code okay}
     */
    public LoginResult forgotPassword(String email, CallOptions options) {
        return post("password/forgot", null, Map.of("email", Objects.requireNonNull(email, "email")), options);
    }

    // ---- POST /v2/password/reset ----------------------------------------------------------------

    /**
     * Sets a new password with a reset token: {@code POST /v2/password/reset}.
     *
     * @param request the fields
     * @return a {@code full_login}: the user is logged in
     * @throws ValidationException on an invalid or expired token, or a rejected password
     */
    public LoginResult resetPassword(ResetPasswordRequest request) {
        return resetPassword(request, CallOptions.none());
    }

    /**
     * Sets a new password with a reset token, with per-call options.
     *
     * @param request the fields
     * @param options per-call options
     * @return a {@code full_login}: the user is logged in
     * @throws ValidationException on an invalid or expired token, or a rejected password
     */
    public LoginResult resetPassword(ResetPasswordRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        return post("password/reset", null, request.fields(), options);
    }

    // ---- POST /v2/profile/password --------------------------------------------------------------

    /**
     * Changes the session user's password: {@code POST /v2/profile/password}.
     *
     * @param request the fields, with the session id
     * @return {@code okay}
     * @throws ValidationException if the current password does not match or the new one is rejected
     * @throws AccessDeniedException if the session is not valid
     */
    public LoginResult updatePassword(UpdatePasswordRequest request) {
        return updatePassword(request, CallOptions.none());
    }

    /**
     * Changes the session user's password, with per-call options.
     *
     * @param request the fields, with the session id
     * @param options per-call options
     * @return {@code okay}
     * @throws ValidationException if the current password does not match or the new one is rejected
     * @throws AccessDeniedException if the session is not valid
     */
    public LoginResult updatePassword(UpdatePasswordRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        return post("profile/password", request.sessionId(), request.fields(), options);
    }

    // ---- PUT /v2/profile ------------------------------------------------------------------------

    /**
     * Changes the session user's profile: {@code PUT /v2/profile}.
     *
     * @param request the fields to change, with the session id
     * @return a {@code full_login} with a new token reflecting the change
     * @throws ValidationException if a value is rejected (e.g. an e-mail that is taken)
     * @throws AccessDeniedException if the session is not valid
     */
    public LoginResult updateProfile(UpdateProfileRequest request) {
        return updateProfile(request, CallOptions.none());
    }

    /**
     * Changes the session user's profile, with per-call options.
     *
     * @param request the fields to change, with the session id
     * @param options per-call options
     * @return a {@code full_login} with a new token reflecting the change
     * @throws ValidationException if a value is rejected (e.g. an e-mail that is taken)
     * @throws AccessDeniedException if the session is not valid
     */
    public LoginResult updateProfile(UpdateProfileRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        // PUT, but not repeated by default: an e-mail change sends a verification e-mail
        return call(new ApiCall("PUT", "profile", sessionQuery(request.sessionId()), request.fields(), false), options);
    }

    // ---- POST /v2/signup/request ----------------------------------------------------------------

    /**
     * Asks for an invitation in a realm whose sign-up is by invitation: {@code POST /v2/signup/request}.
     *
     * @param email the e-mail address to invite
     * @return {@code okay}
     * @throws ValidationException if the address is invalid or the realm does not take requests
     */
    public LoginResult requestInvitation(String email) {
        return requestInvitation(email, CallOptions.none());
    }

    /**
     * Asks for an invitation, with per-call options.
     *
     * @param email the e-mail address to invite
     * @param options per-call options
     * @return {@code okay}
     * @throws ValidationException if the address is invalid or the realm does not take requests
     */
    public LoginResult requestInvitation(String email, CallOptions options) {
        return post("signup/request", null, Map.of("email", Objects.requireNonNull(email, "email")), options);
    }

    // ---- POST /v2/signup ------------------------------------------------------------------------

    /**
     * Creates a user: {@code POST /v2/signup}.
     *
     * @param request the fields
     * @return a {@code full_login}, or {@code okay} when the realm verifies e-mail addresses first
     * @throws ValidationException if sign-up is closed, the e-mail is taken, or a field is rejected
     */
    public LoginResult signup(SignupRequest request) {
        return signup(request, CallOptions.none());
    }

    /**
     * Creates a user, with per-call options. Pass the browser's agent in {@code options} so that the
     * new session records it.
     *
     * @param request the fields
     * @param options per-call options
     * @return a {@code full_login}, or {@code okay} when the realm verifies e-mail addresses first
     * @throws ValidationException if sign-up is closed, the e-mail is taken, or a field is rejected
     */
    public LoginResult signup(SignupRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        return post("signup", null, request.fields(), options);
    }

    // ---- POST /v2/email/verify ------------------------------------------------------------------

    /**
     * Confirms an e-mail address with the token from the verification e-mail: {@code POST /v2/email/verify}.
     *
     * @param token the verification token ({@code tve:…})
     * @return {@code okay}
     * @throws ValidationException on an invalid or expired token
     */
    public LoginResult verifyEmail(String token) {
        return verifyEmail(token, CallOptions.none());
    }

    /**
     * Confirms an e-mail address, with per-call options.
     *
     * @param token the verification token ({@code tve:…})
     * @param options per-call options
     * @return {@code okay}
     * @throws ValidationException on an invalid or expired token
     */
    public LoginResult verifyEmail(String token, CallOptions options) {
        return post("email/verify", null, Map.of("token", Objects.requireNonNull(token, "token")), options);
    }

    /**
     * Closes the connection pool. Idempotent; calls in flight fail with a {@link TransportException},
     * later calls with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && executor != null) {
            executor.close();
        }
    }

    /** One readiness probe through this client's pool; see {@link LoginRocketReadiness}. */
    LoginRocketReadiness.Status probeReadiness(Instant now) {
        if (closed.get()) {
            return new LoginRocketReadiness.Status(false, "the LoginRocket client is closed", now, 0, null);
        }
        try {
            RawResponse r = executor.probeKeySet();
            if (r == null) {
                return new LoginRocketReadiness.Status(true, "reachable but rate limited: the client is backing off"
                        + " after a 429, no call made", now, 0, null);
            }
            String ref = r.requestId() == null ? "no request id" : "request id " + r.requestId();
            if (r.status() == 200) {
                return new LoginRocketReadiness.Status(true, "key set answered 200 (" + ref + ")", now, 200,
                        r.requestId());
            }
            if (r.status() == 429) {
                return new LoginRocketReadiness.Status(true, "reachable but rate limited: 429 (" + ref + ")", now,
                        429, r.requestId());
            }
            return new LoginRocketReadiness.Status(false, "key set answered " + r.status() + " (" + ref + ")", now,
                    r.status(), r.requestId());
        } catch (IOException e) {
            return new LoginRocketReadiness.Status(false, "no answer from " + settings.url().root() + ": "
                    + e.getClass().getSimpleName(), now, 0, null);
        }
    }

    /** The realm URL and the library agent string; no secrets. */
    @Override
    public String toString() {
        return settings == null ? "LoginRocketClient[unconfigured, for CDI proxies only]"
                : "LoginRocketClient[" + settings.url().apiBase() + ", " + executor.libraryAgent() + "]";
    }

    private LoginResult post(String path, String sessionId, Map<String, Object> fields, CallOptions options) {
        Map<String, String> query = sessionId == null ? new LinkedHashMap<>() : sessionQuery(sessionId);
        return call(new ApiCall("POST", path, query, fields, false), options);
    }

    private static Map<String, String> sessionQuery(String sessionId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("session", Objects.requireNonNull(sessionId, "sessionId"));
        return query;
    }

    private LoginResult call(ApiCall call, CallOptions options) {
        Objects.requireNonNull(options, "options");
        configured();
        if (closed.get()) {
            throw new IllegalStateException("this LoginRocketClient is closed; build a new one (and share it)");
        }
        CallOptions effective = options.orElse(CallContext.current().orElse(CallOptions.none()));
        return executor.execute(call, effective);
    }

    /**
     * Builds a {@link LoginRocketClient}. Not thread-safe; the built client is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String urlText;
        private LoginRocketUrl url;
        private boolean allowInsecureLoopback;
        private Locale locale;
        private String userAgent;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration connectionRequestTimeout = DEFAULT_CONNECTION_REQUEST_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private BodyEncoding bodyEncoding = BodyEncoding.JSON;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private SSLContext sslContext;
        private int maxResponseBytes = 1024 * 1024;
        private LongSupplier ticker = System::nanoTime;
        private EndedSessions endedSessions;
        private Duration endedSessionRetention = DEFAULT_ENDED_SESSION_RETENTION;
        private SharedBackOff sharedBackOff = SharedBackOff.none();
        private final List<LoginRocketListener> listeners = new ArrayList<>();
        private Consumer<HttpClientBuilder> httpClientCustomizer;

        private Builder() {}

        /**
         * The realm's LoginRocket URL, such as {@code https://sample.e2.loginrocket.com} or a custom
         * domain; a trailing {@code /v2/} is optional. Checked by {@link #build()}.
         *
         * @param url the URL (configuration key {@code loginrocket.url})
         * @return this builder
         */
        public Builder url(String url) {
            this.urlText = Objects.requireNonNull(url, "url");
            this.url = null;
            return this;
        }

        /**
         * The realm's LoginRocket URL, already parsed. {@link #build()} checks it again against this
         * builder's {@link #allowInsecureLoopback(boolean)}.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder url(LoginRocketUrl url) {
            this.url = Objects.requireNonNull(url, "url");
            this.urlText = null;
            return this;
        }

        /**
         * Whether plain http to a loopback address is allowed (the testkit emulator, local tests).
         * Default {@code false}. Other hosts are https only whatever this says.
         *
         * @param allow whether to allow it ({@code loginrocket.allow-insecure-loopback})
         * @return this builder
         */
        public Builder allowInsecureLoopback(boolean allow) {
            this.allowInsecureLoopback = allow;
            return this;
        }

        /**
         * The default {@code Accept-Language}, which localises LoginRocket's messages. Default none.
         *
         * @param locale the locale ({@code loginrocket.locale}), or {@code null} for none
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /**
         * The application's part of the agent string, such as {@code billing-app/2.3}; appended to
         * {@code loginrocket-jakarta/<version>}. Default none.
         *
         * @param appPart printable ASCII, at most 200 characters ({@code loginrocket.user-agent}), or null
         * @return this builder
         * @throws IllegalArgumentException if the value is blank, too long or has control characters
         */
        public Builder userAgent(String appPart) {
            this.userAgent = UserAgents.checkAppPart(appPart);
            return this;
        }

        /**
         * TCP connect and TLS handshake timeout. Default 5 s.
         *
         * @param timeout positive ({@code loginrocket.connect-timeout})
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long the server may stay silent while the client waits for or reads a response, and
         * how long reading a response body may take once the headers have arrived. Default 10 s.
         *
         * @param timeout positive ({@code loginrocket.response-timeout})
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * How long a call waits for a free pooled connection when {@code maxConnections} calls are
         * already running. Default 5 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectionRequestTimeout(Duration timeout) {
            this.connectionRequestTimeout = positive(timeout, "connectionRequestTimeout");
            return this;
        }

        /**
         * The connection pool size, i.e. the most calls running at once. Default 50.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * How POST/PUT fields are encoded. Default {@link BodyEncoding#JSON}.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder bodyEncoding(BodyEncoding encoding) {
            this.bodyEncoding = Objects.requireNonNull(encoding, "bodyEncoding");
            return this;
        }

        /**
         * When failed calls are repeated. Default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy; {@link RetryPolicy#none()} to never repeat
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * The TLS context, e.g. one that trusts the testkit emulator's self-signed certificate
         * ({@code LoginRocketEmulator.clientSslContext()}) or a corporate CA. Default: the JDK's.
         * Whatever the context allows, only TLS 1.3 and 1.2 are negotiated.
         *
         * @param sslContext the context, or {@code null} for the JDK default
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * The largest response body read; a larger one is a {@link ProtocolException} (the body is
         * not read and the connection is dropped). Default 1 MiB; LoginRocket's answers are a few
         * kilobytes.
         *
         * @param max at least 1024
         * @return this builder
         */
        public Builder maxResponseBytes(int max) {
            if (max < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1024, got " + max);
            }
            this.maxResponseBytes = max;
            return this;
        }

        /**
         * The store {@link LoginRocketClient#logout(String)} records ended sessions in; give the
         * {@link LoginRocketTokenVerifier} the same one. Default: a new {@link
         * EndedSessions#inMemory()} store of this client's own.
         *
         * @param store the store
         * @return this builder
         * @since 0.2
         */
        public Builder endedSessions(EndedSessions store) {
            this.endedSessions = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The rate-limit back-off this client shares with the other nodes of a cluster: a 429 (or a
         * 503 with a wait) seen by any node makes this client refuse calls locally too, and one seen
         * here holds back the others. Give every client of the realm on a node the same instance
         * (the {@code LoginRocketConfig} factories do). Default {@link SharedBackOff#none()}: this
         * client backs off on its own.
         *
         * @param backOff the shared back-off
         * @return this builder
         * @since 0.2
         */
        public Builder sharedBackOff(SharedBackOff backOff) {
            this.sharedBackOff = Objects.requireNonNull(backOff, "backOff");
            return this;
        }

        /**
         * Adds a listener that is told about every call this client makes (see {@link
         * LoginRocketListener}); may be called more than once. Default: none, and then no event is
         * built.
         *
         * @param listener the listener
         * @return this builder
         * @since 0.2
         */
        public Builder listener(LoginRocketListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How long an ended session is remembered after logout: at least the lifetime of the
         * realm's tokens ({@code jwt_minutes}), since a token issued just before the logout must
         * stay refused until it expires. A verifier that meets a token living longer extends the
         * entry to that token's expiry. Default 1 day.
         *
         * @param retention at least 1 minute
         * @return this builder
         * @since 0.2
         */
        public Builder endedSessionRetention(Duration retention) {
            if (Objects.requireNonNull(retention, "retention").compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("endedSessionRetention must be at least 1 minute, got " + retention);
            }
            this.endedSessionRetention = retention;
            return this;
        }

        /**
         * Changes the Apache HttpClient 5 builder after the library has configured it, just before
         * the client is built: the hook for tracing (an OpenTelemetry exec interceptor that starts a
         * client span and injects {@code traceparent}), metrics of the HTTP layer, or a proxy. The
         * library's pool, TLS, timeouts and redirect/cookie settings are set already; replacing them
         * is at your own risk. Default: none.
         *
         * @param customizer called once, by {@link #build()}
         * @return this builder
         * @since 0.2
         */
        public Builder httpClientCustomizer(Consumer<HttpClientBuilder> customizer) {
            this.httpClientCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Builds the client (and its connection pool; close it when done).
         *
         * @return the client
         * @throws IllegalArgumentException if the URL is missing, invalid, or plain http where that is
         *     not allowed; the message names the setting
         */
        public LoginRocketClient build() {
            String text = url != null ? url.toString() : urlText;
            LoginRocketUrl checked = LoginRocketUrl.parse(text, allowInsecureLoopback);
            return new LoginRocketClient(new ClientSettings(
                    checked,
                    locale,
                    userAgent,
                    connectTimeout,
                    responseTimeout,
                    connectionRequestTimeout,
                    maxConnections,
                    bodyEncoding,
                    retryPolicy,
                    sslContext,
                    maxResponseBytes,
                    Listeners.of(listeners),
                    httpClientCustomizer),
                    ticker,
                    endedSessions != null ? endedSessions : EndedSessions.inMemory(),
                    endedSessionRetention,
                    sharedBackOff);
        }

        /** For tests: the monotonic nanosecond source of the rate-limit back-off, so that tests need not sleep. */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative() || d.toMillis() == 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, got " + d);
            }
            return d;
        }
    }
}
