package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import io.github.lrjakarta.core.config.ModuleDefaults;
import io.github.lrjakarta.servlet.internal.cors.AllowedOrigins;
import io.github.lrjakarta.servlet.internal.cors.InvalidCorsSetting;
import io.github.lrjakarta.servlet.internal.cors.OriginSyntax;
import io.github.lrjakarta.servlet.internal.cors.SameOrigin;
import io.github.lrjakarta.servlet.internal.cors.TokenSet;
import io.github.lrjakarta.servlet.internal.cors.VaryHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Cross-origin resource sharing (CORS) for a servlet application: answers preflights and decorates
 * the responses to allowed cross-origin requests, so that a browser front end on another origin
 * can call the application's API.
 *
 * <p>Deny by default: with no allowed origins every cross-origin request gets no CORS headers (so
 * the browser withholds the response from the calling script) and every preflight gets 403.
 *
 * <pre>{@code
 * CorsPolicy cors = CorsPolicy.builder()
 *         .allowedOrigins(List.of("https://app.example.com", "https://*.example.com"))
 *         .allowCredentials(true)
 *         .build();
 * // in a filter, before anything else:
 * if (cors.handle(request, response)) {
 *     return; // answered: a preflight, or a refused request
 * }
 * chain.doFilter(request, response);
 * }</pre>
 *
 * <p>What {@link #handle} does:
 *
 * <ul>
 *   <li>No {@code Origin} header: nothing (one header lookup), returns {@code false}.
 *   <li>Preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}):
 *       answered here and never passed on. If the origin, the requested method and every requested
 *       header (names compared ignoring case) are allowed: 204 with {@code
 *       Access-Control-Allow-Origin} (the request's origin), {@code -Allow-Methods}, {@code
 *       -Allow-Headers}, {@code -Max-Age}, {@code -Allow-Credentials} when enabled and {@code
 *       -Allow-Private-Network} when enabled and asked for. Otherwise 403 without CORS headers.
 *   <li>Other requests with an allowed origin: {@code Access-Control-Allow-Origin}, {@code
 *       -Expose-Headers}, {@code -Allow-Credentials} when enabled; returns {@code false}.
 *   <li>Other requests with a disallowed, malformed or unlisted {@code null} origin: no CORS
 *       headers and {@code false} (the browser blocks the response), or 403 and {@code true} with
 *       {@link Builder#rejectDisallowed(boolean)}. A request whose {@code Origin} is the request's
 *       own scheme, host and port is same-origin and is never refused.
 *   <li>Every response to a request with an {@code Origin} gets {@code Vary: Origin} (preflights
 *       also {@code Access-Control-Request-Method, Access-Control-Request-Headers}) added to any
 *       {@code Vary} already present, never replacing it.
 * </ul>
 *
 * <p>Origins are compared after normalising case and default ports ({@code HTTPS://App.Example.com:443}
 * equals {@code https://app.example.com}). A malformed {@code Origin} (a path, user info, spaces,
 * several origins, over 512 characters, garbage) is treated as disallowed, never as an error.
 * Everything that can be is computed by {@link Builder#build()}: no regular expressions and no
 * allocation on the request path beyond what the servlet API itself does.
 *
 * <p>Thread-safe, with an immutable configuration: build one at startup and share it.
 *
 * @since 0.1
 */
public final class CorsPolicy {

    private static final Logger LOG = System.getLogger(CorsPolicy.class.getName());


    /** Default of {@link Builder#allowedMethods(Collection)}. */
    public static final List<String> DEFAULT_ALLOWED_METHODS = ModuleDefaults.CORS_ALLOWED_METHODS;

    /** Default of {@link Builder#allowedHeaders(Collection)}: what LoginRocket clients send. */
    public static final List<String> DEFAULT_ALLOWED_HEADERS = ModuleDefaults.CORS_ALLOWED_HEADERS;

    /** Default of {@link Builder#exposedHeaders(Collection)}. */
    public static final List<String> DEFAULT_EXPOSED_HEADERS = ModuleDefaults.CORS_EXPOSED_HEADERS;

    /** Default of {@link Builder#maxAge(Duration)}. */
    public static final Duration DEFAULT_MAX_AGE = ModuleDefaults.CORS_MAX_AGE;

    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    private static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    private static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    private static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    private static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    private static final String MAX_AGE = "Access-Control-Max-Age";

    private static final VaryHeader VARY_ACTUAL = new VaryHeader(ORIGIN);
    private static final VaryHeader VARY_PREFLIGHT = new VaryHeader(ORIGIN, REQUEST_METHOD, REQUEST_HEADERS);

    private final AllowedOrigins origins;
    private final boolean variesByOrigin;
    private final TokenSet methods;
    private final TokenSet headers;
    private final boolean allowCredentials;
    private final boolean rejectDisallowed;
    private final boolean allowPrivateNetwork;
    private final Duration maxAge;
    // Response header values, computed once.
    private final String allowMethodsValue;
    private final String allowHeadersValue;
    private final String exposeHeadersValue;
    private final String maxAgeValue;
    // See requestedHeadersAllowed; the only mutable state, a cache that never changes an answer.
    private String lastAllowedRequestHeaders = "";

    private CorsPolicy(Builder b, AllowedOrigins origins, TokenSet methods, TokenSet headers, TokenSet exposed) {
        this.origins = origins;
        this.variesByOrigin = !origins.allowsNone();
        this.methods = methods;
        this.headers = headers;
        this.allowCredentials = b.allowCredentials;
        this.rejectDisallowed = b.rejectDisallowed;
        this.allowPrivateNetwork = b.allowPrivateNetwork;
        this.maxAge = b.maxAge;
        this.allowMethodsValue = methods.headerValue();
        this.allowHeadersValue = headers.headerValue();
        this.exposeHeadersValue = exposed.wildcard()
                ? (exposed.headerValue().isEmpty() ? "*" : "*, " + exposed.headerValue())
                : exposed.headerValue();
        this.maxAgeValue = Long.toString(b.maxAge.toSeconds());
    }

    /** A builder with every option at its default: nothing allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy from the {@code loginrocket.cors.*} keys of a configuration (for a named realm, its
     * {@code loginrocket.<name>.cors.*} keys), with the same defaults as the {@link Builder}.
     *
     * @throws LoginRocketConfigException for a value that cannot be read or cannot work, naming the
     *     key, the source it came from and what was expected
     */
    public static CorsPolicy from(LoginRocketConfig config) {
        Builder builder = builder()
                .allowedOrigins(config.getList(LoginRocketKeys.CORS_ALLOWED_ORIGINS))
                .allowedMethods(config.getList(LoginRocketKeys.CORS_ALLOWED_METHODS))
                .allowedHeaders(config.getList(LoginRocketKeys.CORS_ALLOWED_HEADERS))
                .exposedHeaders(config.getList(LoginRocketKeys.CORS_EXPOSED_HEADERS))
                .allowCredentials(config.getBoolean(LoginRocketKeys.CORS_ALLOW_CREDENTIALS))
                .maxAge(config.getDuration(LoginRocketKeys.CORS_MAX_AGE))
                .rejectDisallowed(config.getBoolean(LoginRocketKeys.CORS_REJECT_DISALLOWED))
                .allowPrivateNetwork(config.getBoolean(LoginRocketKeys.CORS_ALLOW_PRIVATE_NETWORK));
        try {
            return builder.build(config::key);
        } catch (InvalidCorsSetting e) {
            throw config.invalid(e.key(), e.problem());
        }
    }

    /**
     * Applies the policy to a request before the rest of the filter chain runs.
     *
     * @return {@code true} when the response is complete (a preflight answered with 204 or 403, or
     *     a disallowed request refused with 403): the caller must not continue the chain. {@code
     *     false} to continue: the response carries the CORS headers of an allowed cross-origin
     *     request, or is untouched when the request has no {@code Origin}.
     * @throws IOException not thrown by this version, which only sets headers and status; declared
     *     so that answering with a body later does not change the signature
     */
    public boolean handle(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String origin = req.getHeader(ORIGIN);
        if (origin == null) {
            // The answer depends on Origin whenever some origin is allowed: without Vary, a shared
            // cache could serve this header-less response to a cross-origin request, which the
            // browser would then block.
            if (variesByOrigin) {
                VARY_ACTUAL.appendTo(res);
            }
            return false;
        }
        boolean allowed = origins.allows(origin);
        // getMethod() returns the method string the container parsed; equals() needs no allocation.
        if ("OPTIONS".equals(req.getMethod())) {
            String requestedMethod = req.getHeader(REQUEST_METHOD);
            if (requestedMethod != null) {
                return preflight(req, res, origin, allowed, requestedMethod);
            }
        }
        VARY_ACTUAL.appendTo(res);
        if (allowed) {
            res.setHeader(ALLOW_ORIGIN, origin);
            if (allowCredentials) {
                res.setHeader(ALLOW_CREDENTIALS, "true");
            }
            if (!exposeHeadersValue.isEmpty()) {
                res.setHeader(EXPOSE_HEADERS, exposeHeadersValue);
            }
            return false;
        }
        if (!rejectDisallowed || SameOrigin.matches(req, origin)) {
            return false;
        }
        logRefusal("request", "origin not allowed", origin);
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return true;
    }

    private boolean preflight(
            HttpServletRequest req,
            HttpServletResponse res,
            String origin,
            boolean allowed,
            String requestedMethod) {
        VARY_PREFLIGHT.appendTo(res);
        String requestedHeaders = req.getHeader(REQUEST_HEADERS);
        String refusal = !allowed
                ? "origin not allowed"
                : !methods.contains(requestedMethod)
                        ? "method not allowed"
                        : requestedHeaders != null && !requestedHeadersAllowed(requestedHeaders)
                                ? "header not allowed"
                                : null;
        if (refusal != null) {
            logRefusal("preflight", refusal, origin);
            res.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return true;
        }
        res.setHeader(ALLOW_ORIGIN, origin);
        if (allowCredentials) {
            res.setHeader(ALLOW_CREDENTIALS, "true");
        }
        res.setHeader(ALLOW_METHODS, methods.wildcard() ? requestedMethod : allowMethodsValue);
        if (headers.wildcard()) {
            if (requestedHeaders != null && !requestedHeaders.isBlank()) {
                res.setHeader(ALLOW_HEADERS, requestedHeaders);
            }
        } else if (!allowHeadersValue.isEmpty()) {
            res.setHeader(ALLOW_HEADERS, allowHeadersValue);
        }
        res.setHeader(MAX_AGE, maxAgeValue);
        if (allowPrivateNetwork && "true".equalsIgnoreCase(req.getHeader(REQUEST_PRIVATE_NETWORK))) {
            res.setHeader(ALLOW_PRIVATE_NETWORK, "true");
        }
        res.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return true;
    }

    private boolean requestedHeadersAllowed(String requested) {
        // A front end sends the same Access-Control-Request-Headers on every preflight, so the last
        // list that passed is remembered: a repeat costs one String.equals instead of a parse. A
        // plain field is enough: a thread that sees a stale value only redoes the full check, and
        // a String is safely published through its final fields.
        if (requested.equals(lastAllowedRequestHeaders)) {
            return true;
        }
        if (headers.containsAll(requested)) {
            lastAllowedRequestHeaders = requested;
            return true;
        }
        return false;
    }

    private static void logRefusal(String what, String reason, String origin) {
        if (LOG.isLoggable(Level.DEBUG)) {
            // A malformed value is attacker-chosen text; it is not worth echoing into the log.
            boolean malformed = OriginSyntax.parse(origin) == OriginSyntax.MALFORMED && !origin.equals("null");
            String shown = malformed ? "(malformed)" : origin;
            LOG.log(Level.DEBUG, "CORS {0} refused: {1}, Origin {2}", what, reason, shown);
        }
    }

    /** The configuration, for a startup log line; contains no secrets. */
    @Override
    public String toString() {
        return "CorsPolicy[allowedOrigins=" + origins
                + ", allowedMethods=" + methods
                + ", allowedHeaders=" + headers
                + ", exposedHeaders=[" + exposeHeadersValue + "]"
                + ", allowCredentials=" + allowCredentials
                + ", maxAge=" + maxAge
                + ", rejectDisallowed=" + rejectDisallowed
                + ", allowPrivateNetwork=" + allowPrivateNetwork + "]";
    }

    /**
     * Builds a {@link CorsPolicy}. Every setter has a default, stated on it; {@link #build()}
     * checks the whole configuration and fails with a message naming the {@code loginrocket.cors.*}
     * key at fault.
     *
     * <p>Not thread-safe; the built policy is.
     *
     * @since 0.1
     */
    public static final class Builder {

        private List<String> allowedOrigins = List.of();
        private List<String> allowedMethods = DEFAULT_ALLOWED_METHODS;
        private List<String> allowedHeaders = DEFAULT_ALLOWED_HEADERS;
        private List<String> exposedHeaders = DEFAULT_EXPOSED_HEADERS;
        private boolean allowCredentials;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private boolean rejectDisallowed;
        private boolean allowPrivateNetwork;

        private Builder() {}

        /**
         * The origins allowed to make cross-origin requests ({@code loginrocket.cors.allowed-origins}).
         * Default: none, every cross-origin request is denied.
         *
         * <p>Each entry is one of:
         *
         * <ul>
         *   <li>an origin, {@code scheme://host[:port]} with no path or trailing slash, such as
         *       {@code https://app.example.com} or {@code http://localhost:3000}; case and default
         *       ports do not matter;
         *   <li>a wildcard subdomain, {@code https://*.example.com}: any subdomain at any depth
         *       ({@code a.example.com}, {@code a.b.example.com}) with that scheme and port, but not
         *       {@code example.com} itself (list it too if wanted) nor look-alikes such as {@code
         *       evilexample.com} or {@code example.com.evil.net}. At least two labels must follow
         *       {@code *.}. There is no regular-expression syntax;
         *   <li>{@code null}, the literal origin of sandboxed frames and {@code file:} pages,
         *       refused unless listed;
         *   <li>{@code *}: any origin except {@code null}. Not allowed with {@link
         *       #allowCredentials(boolean) credentials}.
         * </ul>
         *
         * Blank entries are ignored.
         */
        public Builder allowedOrigins(Collection<String> origins) {
            this.allowedOrigins = copy(origins, "allowedOrigins");
            return this;
        }

        /**
         * Methods a preflight may ask for ({@code loginrocket.cors.allowed-methods}), compared
         * case-sensitively; {@code *} allows any. Default: {@code GET, HEAD, POST, PUT, PATCH,
         * DELETE}.
         */
        public Builder allowedMethods(Collection<String> methods) {
            this.allowedMethods = copy(methods, "allowedMethods");
            return this;
        }

        /**
         * Request headers a preflight may ask for ({@code loginrocket.cors.allowed-headers}),
         * compared ignoring case; {@code *} allows any (the answer then lists exactly the headers
         * asked for, which also works with credentials). Default: {@code Content-Type, Accept,
         * Accept-Language, Authorization, LR-Agent}, what LoginRocket clients send.
         */
        public Builder allowedHeaders(Collection<String> headers) {
            this.allowedHeaders = copy(headers, "allowedHeaders");
            return this;
        }

        /**
         * Response headers scripts may read ({@code loginrocket.cors.exposed-headers}); {@code *}
         * exposes all, but only without credentials. Default: {@code X-Request-ID}.
         */
        public Builder exposedHeaders(Collection<String> headers) {
            this.exposedHeaders = copy(headers, "exposedHeaders");
            return this;
        }

        /**
         * Whether cross-origin requests may carry cookies and HTTP authentication ({@code
         * loginrocket.cors.allow-credentials}): sends {@code Access-Control-Allow-Credentials:
         * true}. Default: {@code false}.
         */
        public Builder allowCredentials(boolean allow) {
            this.allowCredentials = allow;
            return this;
        }

        /**
         * How long browsers may cache a preflight answer ({@code loginrocket.cors.max-age}), sent
         * in whole seconds; zero asks them not to cache. Browsers cap it (Chromium at 2 hours).
         * Default: 10 minutes.
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * Whether an actual (non-preflight) request from a disallowed origin is refused with 403
         * instead of passing through without CORS headers ({@code
         * loginrocket.cors.reject-disallowed}). Passing through is what the CORS protocol expects:
         * the browser hides the response from the script, but the request has still run, so
         * refusing also stops side effects of simple requests such as a form {@code POST}.
         * Same-origin requests are never refused. Disallowed preflights always get 403. Default:
         * {@code false}.
         */
        public Builder rejectDisallowed(boolean reject) {
            this.rejectDisallowed = reject;
            return this;
        }

        /**
         * Whether preflights carrying {@code Access-Control-Request-Private-Network: true} (Private
         * Network Access: a public page calling a server on a private network or localhost) are
         * answered with {@code Access-Control-Allow-Private-Network: true} ({@code
         * loginrocket.cors.allow-private-network}). When off, such preflights are answered without
         * it and the browser refuses. Default: {@code false}.
         */
        public Builder allowPrivateNetwork(boolean allow) {
            this.allowPrivateNetwork = allow;
            return this;
        }

        /**
         * Checks the configuration and builds the policy.
         *
         * @throws IllegalArgumentException naming the {@code loginrocket.cors.*} key at fault: an
         *     entry that is not an origin, a method or header that is not an HTTP token, a negative
         *     max age, or {@code *} origins or exposed headers together with credentials
         */
        public CorsPolicy build() {
            return build(key -> "loginrocket." + key);
        }

        /** Builds, naming other keys in messages with {@code keyName} (relative key to full key). */
        CorsPolicy build(UnaryOperator<String> keyName) {
            AllowedOrigins origins = AllowedOrigins.of(allowedOrigins);
            TokenSet methods = TokenSet.methods(LoginRocketKeys.CORS_ALLOWED_METHODS, allowedMethods);
            TokenSet headers = TokenSet.headerNames(LoginRocketKeys.CORS_ALLOWED_HEADERS, allowedHeaders);
            TokenSet exposed = TokenSet.headerNames(LoginRocketKeys.CORS_EXPOSED_HEADERS, exposedHeaders);
            if (maxAge.isNegative()) {
                throw new InvalidCorsSetting(
                        LoginRocketKeys.CORS_MAX_AGE,
                        "'" + maxAge + "' is negative; expected a duration such as 10m, or 0 to ask browsers not"
                                + " to cache preflights");
            }
            String credentialsKey = keyName.apply(LoginRocketKeys.CORS_ALLOW_CREDENTIALS);
            if (allowCredentials && origins.any()) {
                throw new InvalidCorsSetting(
                        LoginRocketKeys.CORS_ALLOWED_ORIGINS,
                        "'*' cannot be combined with " + credentialsKey + "=true: browsers refuse credentialed"
                                + " responses that allow any origin, and echoing every origin instead would let any"
                                + " site act as the logged-in user. List the allowed origins instead"
                                + " (https://app.example.com, https://*.example.com), or set " + credentialsKey
                                + " to false.");
            }
            if (allowCredentials && exposed.wildcard()) {
                throw new InvalidCorsSetting(
                        LoginRocketKeys.CORS_EXPOSED_HEADERS,
                        "'*' cannot be combined with " + credentialsKey + "=true: browsers do not treat '*' as a"
                                + " wildcard on credentialed requests. List the headers to expose instead, or set "
                                + credentialsKey + " to false.");
            }
            return new CorsPolicy(this, origins, methods, headers, exposed);
        }

        private static List<String> copy(Collection<String> values, String name) {
            // ArrayList, not List.copyOf: a null element must reach build() and its keyed message.
            return new ArrayList<>(Objects.requireNonNull(values, name));
        }
    }
}
