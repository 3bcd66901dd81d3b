package io.github.lrjakarta.core.config;

import io.github.lrjakarta.core.InMemoryEndedSessions;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketReadiness;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.RetryPolicy;
import io.github.lrjakarta.core.config.internal.Converters;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration keys of this library, with their built-in defaults.
 *
 * <p>The constants are <em>relative</em> keys: for the default realm the full key is {@code
 * loginrocket.} plus the constant ({@code loginrocket.cors.max-age}); for a named realm the name
 * is inserted ({@code loginrocket.partners.cors.max-age}). {@link LoginRocketConfig} accepts the
 * relative form and the full default-realm form alike. In the environment the upper-case form is
 * used: {@code LOGINROCKET_CORS_MAX_AGE}, {@code LOGINROCKET_PARTNERS_URL}.
 *
 * @since 0.1
 */
public final class LoginRocketKeys {

    /** The prefix of every full key. */
    public static final String PREFIX = "loginrocket.";

    /** The realm's LoginRocket URL. Required. */
    public static final String URL = "url";
    /** Default {@code Accept-Language} for calls (a language tag such as {@code es} or {@code en-GB}). Default: none. */
    public static final String LOCALE = "locale";
    /** The application's part of the {@code User-Agent}. Default: none. */
    public static final String USER_AGENT = "user-agent";
    /** TCP connect timeout of the client. Default {@code 5s}. */
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    /** Time to wait for LoginRocket's response. Default {@code 10s}. */
    public static final String RESPONSE_TIMEOUT = "response-timeout";
    /** Time to wait for a pooled connection. Default {@code 5s}. */
    public static final String CONNECTION_REQUEST_TIMEOUT = "connection-request-timeout";
    /** Size of the client's connection pool. Default {@code 50}. */
    public static final String MAX_CONNECTIONS = "max-connections";
    /**
     * Tries per idempotent call ({@code GET}/{@code DELETE /v2/session}), the first included; {@code
     * 1} never repeats. Default {@code 3}. Non-idempotent calls are never repeated.
     */
    public static final String MAX_ATTEMPTS = "max-attempts";
    /** Allow plain http to a loopback address (emulator, tests). Default {@code false}. */
    public static final String ALLOW_INSECURE_LOOPBACK = "allow-insecure-loopback";

    /** Static RSA public key (PEM/base64) or HS256 secret ({@code jsk_…}); secret. Default: keys from {@code /connect/jwks}. */
    public static final String JWT_KEY = "jwt.key";
    /** Expected {@code iss}. Default {@code https://authrocket.com}. */
    public static final String JWT_ISSUER = "jwt.issuer";
    /** Clock leeway for {@code exp}/{@code nbf}/{@code iat}, at most {@code 5m}. Default {@code 5s}. */
    public static final String JWT_LEEWAY = "jwt.leeway";
    /** Expected realm id ({@code rid}, {@code rl_…}). Default: not checked. */
    public static final String JWT_REALM = "jwt.realm";
    /** Reject tokens issued longer ago than this. Default: not checked. */
    public static final String JWT_MAX_TOKEN_AGE = "jwt.max-token-age";
    /** Verified-token cache entries, {@code 0} turns the cache off. Default {@code 10000}. */
    public static final String JWT_CACHE_SIZE = "jwt.cache-size";
    /** Minimum interval between key-set fetches for unknown {@code kid}s. Default {@code 30s}. */
    public static final String JWT_KEY_REFETCH_INTERVAL = "jwt.key-refetch-interval";
    /** Timeout of a key-set fetch. Default {@code 5s}. */
    public static final String JWT_KEY_FETCH_TIMEOUT = "jwt.key-fetch-timeout";
    /**
     * How long a readiness answer ({@code LoginRocketReadiness}) is kept: at most one call to
     * LoginRocket per interval per node. Default {@code 30s}.
     */
    public static final String HEALTH_INTERVAL = "health.interval";

    /** Comma-separated allowed origins, {@code https://*.example.com} for subdomains. Default: none (deny). */
    public static final String CORS_ALLOWED_ORIGINS = "cors.allowed-origins";
    /** Allowed methods. Default {@code GET, HEAD, POST, PUT, PATCH, DELETE}. */
    public static final String CORS_ALLOWED_METHODS = "cors.allowed-methods";
    /** Allowed request headers. Default {@code Content-Type, Accept, Accept-Language, Authorization, LR-Agent}. */
    public static final String CORS_ALLOWED_HEADERS = "cors.allowed-headers";
    /** Exposed response headers. Default {@code X-Request-ID}. */
    public static final String CORS_EXPOSED_HEADERS = "cors.exposed-headers";
    /** {@code Access-Control-Allow-Credentials}. Default {@code false}. */
    public static final String CORS_ALLOW_CREDENTIALS = "cors.allow-credentials";
    /** Preflight cache duration. Default {@code 10m}. */
    public static final String CORS_MAX_AGE = "cors.max-age";
    /** 403 for actual requests from a disallowed origin. Default {@code false} (pass through without CORS headers). */
    public static final String CORS_REJECT_DISALLOWED = "cors.reject-disallowed";
    /** Answer Private Network Access preflights. Default {@code false}. */
    public static final String CORS_ALLOW_PRIVATE_NETWORK = "cors.allow-private-network";

    /** Comma-separated path patterns that need a login ({@code /app/*}, {@code /api/*}, {@code *.jsp}, {@code /exact}). Default: none. */
    public static final String LOGIN_REQUIRED = "login-required";
    /** Path (within the application) that logs out. Default: none. */
    public static final String LOGOUT_PATH = "logout-path";
    /** Where to send the browser after logout: an absolute URL or an application path. Default: LoginRocket Web's {@code /logout}. */
    public static final String LOGOUT_REDIRECT = "logout-redirect";
    /**
     * The filter refreshes a cookie token through {@code GET /v2/session} when it expires within
     * this (and is older than this), so a live session outlasts its short-lived tokens. {@code 0s}
     * turns it off. Default {@code 1m}.
     */
    public static final String REFRESH_BEFORE = "refresh-before";
    /**
     * How long after its expiry a (genuine) token's session may still be refreshed through {@code
     * GET /v2/session} instead of the request being treated as logged out. {@code 0s} turns it off.
     * Default {@code 1d}.
     */
    public static final String REFRESH_EXPIRED_WITHIN = "refresh-expired-within";
    /** The filter's token cookie. Default {@code loginrocket_token}. */
    public static final String COOKIE_NAME = "cookie.name";
    /** Path of the filter's token cookie. Default: the application's context path. */
    public static final String COOKIE_PATH = "cookie.path";

    /**
     * Take {@code ?session=kss_…} from the URL of a GET (traded for a token through {@code GET
     * /v2/session}). Default {@code false}: LoginRocket Web returns {@code ?token=}, and a session id
     * is a long-lived bearer credential that should not travel in URLs.
     *
     * @since 0.2
     */
    public static final String SESSION_INTAKE = "session-intake";
    /**
     * LoginRocket calls per second that input from requests without a verified session (a {@code
     * ?session=} id) may start, across the realm; beyond it such requests go on without the call.
     * Default {@code 10}.
     *
     * @since 0.2
     */
    public static final String ANONYMOUS_CALL_RATE = "anonymous-call-rate";
    /**
     * Path patterns where credentials in the URL are taken without proof that this browser started
     * the login (LoginRocket's "Default Login URL" landing page). Default: none.
     *
     * @since 0.2
     */
    public static final String LOGIN_LANDING_PATHS = "login-landing-paths";
    /**
     * The application's public base URL ({@code https://app.example.com/shop}), used for the login
     * {@code redirect_uri} and same-origin checks instead of what the request says. Default: the
     * request's own URL.
     *
     * @since 0.2
     */
    public static final String PUBLIC_URL = "public-url";
    /**
     * Where ended (logged-out) sessions are kept: {@code memory} (this node only) or the name of an
     * installed {@link EndedSessionsProvider}, e.g. {@code jcache} (module {@code loginrocket-jcache})
     * to share them between nodes. Default {@code memory}.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_STORE = "ended-sessions.store";
    /**
     * How long an ended session is remembered: at least the lifetime of the realm's tokens.
     * Default {@code 1d}.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_RETENTION = "ended-sessions.retention";
    /**
     * Bound on entries of the in-memory store (and of a shared store's local mirror). Default {@code 100000}.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_MAX_ENTRIES = "ended-sessions.max-entries";
    /**
     * {@code jcache}: class name of the JCache {@code CachingProvider}. Default: the only one on the class path.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_JCACHE_PROVIDER = "ended-sessions.jcache.provider";
    /**
     * {@code jcache}: the provider-specific URI of the cache manager (e.g. a configuration file). Default: the provider's default.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_JCACHE_URI = "ended-sessions.jcache.uri";
    /**
     * {@code jcache}: the cache's name; created if the manager has none of that name. Default {@code loginrocket-ended-sessions}.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_JCACHE_CACHE = "ended-sessions.jcache.cache";
    /**
     * {@code jcache}: the cache of session-check claims ({@code session-recheck-interval}); created
     * if the manager has none of that name. Default {@code loginrocket-session-checks}.
     *
     * @since 0.2
     */
    public static final String ENDED_SESSIONS_JCACHE_CHECKS_CACHE = "ended-sessions.jcache.checks-cache";
    /**
     * Confirm an active session through {@code GET /v2/session} at most once per this interval
     * (across the cluster with a shared store), so that a session ended elsewhere is refused within
     * it; a 403 ends the session on every node, a failure accepts the token. 3 to 15 minutes (down
     * to 1 second for a realm on a loopback address, the emulator). Default: off.
     *
     * @since 0.2
     */
    public static final String SESSION_RECHECK_INTERVAL = "session-recheck-interval";
    /**
     * Register {@code LoginRocketServerAuthModule} with the container's Jakarta Authentication
     * (Tomcat 10.1 and 11), so that {@code web.xml} security constraints, {@code getUserPrincipal()}
     * and {@code isUserInRole()} are the container's own. Read from the application's sources (a
     * context-param) at deployment. Default {@code false}.
     *
     * @since 0.2
     */
    public static final String JAKARTA_AUTHENTICATION = "jakarta-authentication";
    /**
     * Prepended to each permission of the selected org to form the group the container sees ({@code
     * perm:} turns {@code admin} into {@code perm:admin}). Default: none (the permissions as they are).
     *
     * @since 0.2
     */
    public static final String GROUP_PREFIX = "group-prefix";
    /**
     * Also report the selected org's id ({@code org_…}) as a group, for constraints on org
     * membership. Default {@code false}.
     *
     * @since 0.2
     */
    public static final String ORG_GROUP = "org-group";

    /** How a key's value is read; drives {@link LoginRocketConfig#validate()}. */
    enum Kind {
        STRING,
        URL,
        LOCALE,
        DURATION,
        BOOLEAN,
        INT,
        LIST
    }

    static final class Spec {
        final Kind kind;
        final String defaultValue;
        /** Durations: must be greater than zero (timeouts); ints: must be at least one. */
        final boolean positive;
        /** Durations: the smallest value accepted, or null for no bound beyond {@link #positive}. */
        final Duration min;
        /** Durations: the largest value accepted, or null for no bound. */
        final Duration max;

        Spec(Kind kind, String defaultValue) {
            this(kind, defaultValue, false);
        }

        Spec(Kind kind, String defaultValue, boolean positive) {
            this(kind, defaultValue, positive, null);
        }

        Spec(Kind kind, String defaultValue, boolean positive, Duration max) {
            this(kind, defaultValue, positive, null, max);
        }

        Spec(Kind kind, String defaultValue, boolean positive, Duration min, Duration max) {
            this.kind = kind;
            this.defaultValue = defaultValue;
            this.positive = positive;
            this.min = min;
            this.max = max;
        }
    }

    private static final Map<String, Spec> SPECS;

    static {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put(URL, new Spec(Kind.URL, null));
        m.put(LOCALE, new Spec(Kind.LOCALE, null));
        m.put(USER_AGENT, new Spec(Kind.STRING, null));
        m.put(CONNECT_TIMEOUT, timeout(LoginRocketClient.DEFAULT_CONNECT_TIMEOUT));
        m.put(RESPONSE_TIMEOUT, timeout(LoginRocketClient.DEFAULT_RESPONSE_TIMEOUT));
        m.put(CONNECTION_REQUEST_TIMEOUT, timeout(LoginRocketClient.DEFAULT_CONNECTION_REQUEST_TIMEOUT));
        m.put(MAX_CONNECTIONS, count(LoginRocketClient.DEFAULT_MAX_CONNECTIONS, true));
        m.put(MAX_ATTEMPTS, count(RetryPolicy.DEFAULT_MAX_ATTEMPTS, true));
        m.put(ALLOW_INSECURE_LOOPBACK, flag(false));
        m.put(JWT_KEY, new Spec(Kind.STRING, null));
        m.put(JWT_ISSUER, new Spec(Kind.STRING, LoginRocketTokenVerifier.DEFAULT_ISSUER));
        m.put(JWT_LEEWAY, new Spec(Kind.DURATION, Converters.format(LoginRocketTokenVerifier.DEFAULT_LEEWAY), false,
                LoginRocketTokenVerifier.MAX_LEEWAY));
        m.put(JWT_REALM, new Spec(Kind.STRING, null));
        m.put(JWT_MAX_TOKEN_AGE, new Spec(Kind.DURATION, null, true));
        m.put(JWT_CACHE_SIZE, count(LoginRocketTokenVerifier.DEFAULT_CACHE_SIZE, false));
        m.put(JWT_KEY_REFETCH_INTERVAL, timeout(LoginRocketTokenVerifier.DEFAULT_KEY_REFETCH_INTERVAL));
        m.put(JWT_KEY_FETCH_TIMEOUT, timeout(LoginRocketTokenVerifier.DEFAULT_KEY_FETCH_TIMEOUT));
        m.put(HEALTH_INTERVAL, new Spec(Kind.DURATION, Converters.format(LoginRocketReadiness.DEFAULT_INTERVAL), true,
                LoginRocketReadiness.MIN_INTERVAL, null));
        m.put(CORS_ALLOWED_ORIGINS, new Spec(Kind.LIST, null));
        m.put(CORS_ALLOWED_METHODS, list(ModuleDefaults.CORS_ALLOWED_METHODS));
        m.put(CORS_ALLOWED_HEADERS, list(ModuleDefaults.CORS_ALLOWED_HEADERS));
        m.put(CORS_EXPOSED_HEADERS, list(ModuleDefaults.CORS_EXPOSED_HEADERS));
        m.put(CORS_ALLOW_CREDENTIALS, flag(false));
        m.put(CORS_MAX_AGE, interval(ModuleDefaults.CORS_MAX_AGE));
        m.put(CORS_REJECT_DISALLOWED, flag(false));
        m.put(CORS_ALLOW_PRIVATE_NETWORK, flag(false));
        m.put(LOGIN_REQUIRED, new Spec(Kind.LIST, null));
        m.put(LOGOUT_PATH, new Spec(Kind.STRING, null));
        m.put(LOGOUT_REDIRECT, new Spec(Kind.STRING, null));
        m.put(REFRESH_BEFORE, interval(ModuleDefaults.REFRESH_BEFORE));
        m.put(REFRESH_EXPIRED_WITHIN, interval(ModuleDefaults.REFRESH_EXPIRED_WITHIN));
        m.put(COOKIE_NAME, new Spec(Kind.STRING, ModuleDefaults.COOKIE_NAME));
        m.put(COOKIE_PATH, new Spec(Kind.STRING, null));
        m.put(SESSION_INTAKE, flag(false));
        m.put(ANONYMOUS_CALL_RATE, count(ModuleDefaults.ANONYMOUS_CALL_RATE, true));
        m.put(LOGIN_LANDING_PATHS, new Spec(Kind.LIST, null));
        m.put(PUBLIC_URL, new Spec(Kind.STRING, null));
        m.put(ENDED_SESSIONS_STORE, new Spec(Kind.STRING, LoginRocketFactory.MEMORY_STORE));
        m.put(ENDED_SESSIONS_RETENTION, timeout(LoginRocketClient.DEFAULT_ENDED_SESSION_RETENTION));
        m.put(ENDED_SESSIONS_MAX_ENTRIES, count(InMemoryEndedSessions.DEFAULT_MAX_ENTRIES, true));
        m.put(ENDED_SESSIONS_JCACHE_PROVIDER, new Spec(Kind.STRING, null));
        m.put(ENDED_SESSIONS_JCACHE_URI, new Spec(Kind.STRING, null));
        m.put(ENDED_SESSIONS_JCACHE_CACHE, new Spec(Kind.STRING, ModuleDefaults.ENDED_SESSIONS_JCACHE_CACHE));
        m.put(ENDED_SESSIONS_JCACHE_CHECKS_CACHE, new Spec(Kind.STRING, ModuleDefaults.SESSION_CHECKS_JCACHE_CACHE));
        m.put(SESSION_RECHECK_INTERVAL, new Spec(Kind.DURATION, null, true));
        m.put(JAKARTA_AUTHENTICATION, flag(false));
        m.put(GROUP_PREFIX, new Spec(Kind.STRING, null));
        m.put(ORG_GROUP, flag(false));
        SPECS = Collections.unmodifiableMap(m);
    }

    private LoginRocketKeys() {}

    /** A duration that must be greater than zero. */
    private static Spec timeout(Duration defaultValue) {
        return new Spec(Kind.DURATION, Converters.format(defaultValue), true);
    }

    /** A duration where zero is allowed (and usually turns something off). */
    private static Spec interval(Duration defaultValue) {
        return new Spec(Kind.DURATION, Converters.format(defaultValue), false);
    }

    private static Spec count(int defaultValue, boolean positive) {
        return new Spec(Kind.INT, Integer.toString(defaultValue), positive);
    }

    private static Spec flag(boolean defaultValue) {
        return new Spec(Kind.BOOLEAN, Boolean.toString(defaultValue));
    }

    private static Spec list(List<String> defaultValue) {
        return new Spec(Kind.LIST, String.join(", ", defaultValue));
    }

    /** Every known relative key, in documentation order. */
    public static Set<String> all() {
        return SPECS.keySet();
    }

    /** The built-in default of a relative key, if it has one. */
    public static Optional<String> defaultValue(String relativeKey) {
        Spec spec = SPECS.get(relativeKey);
        return spec == null ? Optional.empty() : Optional.ofNullable(spec.defaultValue);
    }

    /**
     * Whether values of this key (relative or full, any realm) are secret: never logged, never in
     * an exception message.
     */
    public static boolean isSecret(String key) {
        return key.equals(JWT_KEY) || key.endsWith("." + JWT_KEY);
    }

    /**
     * Whether a full key is one of this library's: {@code loginrocket.<key>} or {@code
     * loginrocket.<realm>.<key>} with a known {@code <key>}. Meant for warning about typos in
     * sources that can list their names (init-params, context-params); names outside {@code
     * loginrocket.} are not this library's business and count as known.
     */
    public static boolean isKnownKey(String fullKey) {
        if (!fullKey.startsWith(PREFIX)) {
            return true;
        }
        String rel = fullKey.substring(PREFIX.length());
        if (SPECS.containsKey(rel)) {
            return true;
        }
        int dot = rel.indexOf('.');
        String first = dot < 0 ? rel : rel.substring(0, dot);
        // "cors", "jwt", "cookie" are groups of the default realm, never realm names.
        return dot > 0 && !first.equals("cors") && !first.equals("jwt") && !first.equals("cookie")
                && SPECS.containsKey(rel.substring(dot + 1));
    }

    static Spec spec(String relativeKey) {
        return SPECS.get(relativeKey);
    }
}
