package io.github.lrjakarta.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The built-in defaults of the keys that modules beyond core read: the servlet filter's CORS,
 * cookie and refresh settings and the JCache store's cache name.
 *
 * <p>Their home is here, not in those modules, because {@link LoginRocketKeys} is built from them
 * and core cannot see the modules that depend on it. The modules' own builders and constants
 * ({@code CorsPolicy.DEFAULT_MAX_AGE}, say) refer to these, so a default is written once. The
 * defaults of the client's and verifier's keys live beside their builders ({@code
 * LoginRocketClient.DEFAULT_CONNECT_TIMEOUT}, {@code LoginRocketTokenVerifier.DEFAULT_LEEWAY}, …).
 *
 * @since 0.2
 */
public final class ModuleDefaults {

    /** {@code cors.allowed-methods}: the methods of a REST API. */
    public static final List<String> CORS_ALLOWED_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** {@code cors.allowed-headers}: what LoginRocket's browser clients send. */
    public static final List<String> CORS_ALLOWED_HEADERS =
            List.of("Content-Type", "Accept", "Accept-Language", "Authorization", "LR-Agent");

    /** {@code cors.exposed-headers}: the request id, for support tickets. */
    public static final List<String> CORS_EXPOSED_HEADERS = List.of("X-Request-ID");

    /** {@code cors.max-age}: how long a browser may cache a preflight answer. */
    public static final Duration CORS_MAX_AGE = Duration.ofMinutes(10);

    /** {@code cookie.name}: the filter's token cookie. */
    public static final String COOKIE_NAME = "loginrocket_token";

    /** {@code refresh-before}: a cookie token expiring within this is refreshed. */
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(1);

    /** {@code refresh-expired-within}: how long after expiry a token's session may still be refreshed. */
    public static final Duration REFRESH_EXPIRED_WITHIN = Duration.ofDays(1);

    /** {@code anonymous-call-rate}: LoginRocket calls per second that unverified input may start. */
    public static final int ANONYMOUS_CALL_RATE = 10;

    /** {@code ended-sessions.jcache.cache}: the JCache store's cache. */
    public static final String ENDED_SESSIONS_JCACHE_CACHE = "loginrocket-ended-sessions";

    /** {@code ended-sessions.jcache.checks-cache}: the JCache record of session-check claims. */
    public static final String SESSION_CHECKS_JCACHE_CACHE = "loginrocket-session-checks";

    private ModuleDefaults() {}
}
