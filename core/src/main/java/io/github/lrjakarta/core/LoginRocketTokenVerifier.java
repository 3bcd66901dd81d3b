package io.github.lrjakarta.core;

import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.VerificationEvent;
import io.github.lrjakarta.core.internal.HttpTransport;
import io.github.lrjakarta.core.internal.Listeners;
import io.github.lrjakarta.core.internal.jwt.HttpJwksFetcher;
import io.github.lrjakarta.core.internal.jwt.JwksKeySource;
import io.github.lrjakarta.core.internal.jwt.JwsVerifier;
import io.github.lrjakarta.core.internal.jwt.KeySource;
import io.github.lrjakarta.core.internal.jwt.StaticKeySource;
import io.github.lrjakarta.core.internal.jwt.VerifiedTokenCache;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Verifies LoginRocket login tokens (JWTs) and turns them into a {@link LoginRocketSession}.
 *
 * <p>Keys come from exactly one source, and each source pins one algorithm, so neither {@code
 * alg: none} nor HS256/RS256 confusion is possible:
 *
 * <ul>
 *   <li>{@link Builder#jwks(LoginRocketUrl)} / {@link Builder#jwksUri(URI)}: the realm's key set at
 *       {@code /connect/jwks}, looked up by {@code kid}; RS256 only. Fetched lazily; an unknown
 *       {@code kid} triggers at most one refetch per {@link Builder#keyRefetchInterval(Duration)}
 *       (single-flight; the first fetch does not count), a failed fetch keeps the previous keys.
 *       Fetched with Apache HttpClient 5, the client's HTTP stack: through a {@link
 *       LoginRocketClient}'s pool with {@link Builder#fetchKeysWith(LoginRocketClient)}, else with
 *       one connection per fetch under the same TLS, proxy and redirect rules.
 *   <li>{@link Builder#staticKey(String)}: the realm's {@code jwt_key}, with the rule AuthRocket's
 *       own libraries use: longer than 256 characters, an RSA public key (PEM or bare base64) and
 *       RS256 only; otherwise an HS256 secret ({@code jsk_…}, the whole string as UTF-8) and HS256
 *       only.
 * </ul>
 *
 * <p>Then: signature, {@code iss} (default {@code https://authrocket.com}), optional {@code rid},
 * {@code exp}/{@code nbf}/{@code iat} with a leeway (default 5 s), optional maximum age. Required
 * claims: {@code sub}, {@code sid}, {@code iat}, {@code exp}. Tokens longer than {@link
 * Builder#maxTokenLength(int)} (16 KiB) are refused unread.
 *
 * <p>An expired token that passes every other check (signature, issuer, realm, and the other time
 * claims up to its expiry) is still rejected ({@link TokenFailure#EXPIRED}), but reports the session
 * it stated in {@link TokenVerification#expiredSession()}, so that a session still alive at
 * LoginRocket can be refreshed ({@code GET /v2/session}) instead of the user logging in again.
 *
 * <p>Valid tokens are cached (default 10,000 entries; {@link Builder#cacheSize(int) 0} turns it
 * off) until their {@code exp} or maximum age, whichever is first, so repeated requests with the
 * same token cost a map lookup instead of an RSA verification. Rejected tokens, expired ones
 * included, are never cached: each is verified afresh.
 *
 * <p>Every verification, cache hits included, consults the {@link Builder#endedSessions(EndedSessions)
 * ended-sessions store}: a token of a session that was logged out (on this node or, with a shared
 * store, on any) is refused with {@link TokenFailure#SESSION_ENDED}, an expired one too (so it is
 * not refreshed). The lookup is a local map read.
 *
 * <p>{@link #verify(String)} never throws for bad input and never puts the token into a message or
 * log line. Instances are thread-safe; share one per realm.
 *
 * @since 0.1
 */
public class LoginRocketTokenVerifier {

    /** The issuer LoginRocket puts in every token, whatever the realm's host. */
    public static final String DEFAULT_ISSUER = "https://authrocket.com";

    /**
     * Default of {@link Builder#leeway(Duration)} and {@code loginrocket.jwt.leeway}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(5);

    /**
     * Default of {@link Builder#cacheSize(int)} and {@code loginrocket.jwt.cache-size}.
     *
     * @since 0.2
     */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    /**
     * Default of {@link Builder#keyRefetchInterval(Duration)} and {@code
     * loginrocket.jwt.key-refetch-interval}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_KEY_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /**
     * Default of {@link Builder#keyFetchTimeout(Duration)} and {@code loginrocket.jwt.key-fetch-timeout}.
     *
     * @since 0.2
     */
    public static final Duration DEFAULT_KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The largest clock leeway a verifier accepts: beyond it an expired token would stay valid
     * long enough to matter.
     *
     * @since 0.2
     */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(LoginRocketTokenVerifier.class.getName());
    private static final TokenVerification SESSION_ENDED = TokenVerification.invalid(TokenFailure.SESSION_ENDED,
            "the token's session was logged out; log in again");
    private static final TokenVerification MISSING =
            TokenVerification.invalid(TokenFailure.MALFORMED, "no token (null or empty)");

    private final JwsVerifier engine;
    private final VerifiedTokenCache cache;
    private final Clock clock;
    private final int maxTokenLength;
    private final long maxAgeMillis;
    private final TokenVerification tooLarge;
    private final EndedSessions endedSessions;
    private final Listeners listener;

    private LoginRocketTokenVerifier(Builder b, KeySource keys, Listeners listener) {
        this.endedSessions = b.endedSessions != null ? b.endedSessions : EndedSessions.inMemory();
        this.listener = listener;
        this.clock = b.clock;
        this.maxTokenLength = b.maxTokenLength;
        this.maxAgeMillis = b.maxTokenAge == null ? -1 : b.maxTokenAge.toMillis();
        this.engine = new JwsVerifier(keys, b.issuer, b.realm, b.leeway.toMillis(), maxAgeMillis, b.clock);
        this.cache = b.cacheSize == 0 ? null : new VerifiedTokenCache(b.cacheSize);
        this.tooLarge = TokenVerification.invalid(TokenFailure.TOO_LARGE,
                "the token is longer than maxTokenLength (" + b.maxTokenLength + " characters); not parsed");
    }

    /**
     * For CDI client proxies only: the CDI extension registers the verifier as an
     * {@code @ApplicationScoped} bean, and the container subclasses it to build the proxy. An
     * instance made with this constructor has no keys and must not be used; build verifiers with
     * {@link #builder()}.
     */
    protected LoginRocketTokenVerifier() {
        this.clock = null;
        this.maxTokenLength = 0;
        this.maxAgeMillis = 0;
        this.engine = null;
        this.cache = null;
        this.tooLarge = null;
        this.endedSessions = null;
        this.listener = null;
    }

    /** A builder; one key source ({@code jwks}, {@code jwksUri} or {@code staticKey}) is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a login token.
     *
     * @param token the compact JWS, e.g. from {@code ?token=}, a bearer header or a cookie; may be
     *     null or garbage
     * @return the session, or the reason the token was rejected; never null
     */
    public TokenVerification verify(String token) {
        if (token == null || token.isEmpty()) {
            return reported(MISSING, false);
        }
        if (token.length() > maxTokenLength) {
            return reported(tooLarge, false);
        }
        if (cache != null) {
            TokenVerification hit = cache.get(token, clock.millis());
            if (hit != null) {
                return reported(isOfEndedSession(hit) ? SESSION_ENDED : hit, true);
            }
        }
        return reported(verifyAfresh(token), false);
    }

    /**
     * How many verified tokens are cached now (0 with the cache off): a gauge for metrics.
     *
     * @since 0.2
     */
    public int cachedTokens() {
        return cache == null ? 0 : cache.size();
    }

    private TokenVerification reported(TokenVerification result, boolean cacheHit) {
        if (listener != null) {
            listener.tokenVerified(new VerificationEvent(result.failure(), cacheHit, cachedTokens()));
        }
        return result;
    }

    private TokenVerification verifyAfresh(String token) {
        TokenVerification result;
        try {
            result = engine.verify(token);
        } catch (RuntimeException e) {
            // A bug or a provider failure must not become a 500 with the token in a stack trace.
            LOG.log(Level.WARNING, "Unexpected " + e.getClass().getName() + " while verifying a login token", e);
            return TokenVerification.invalid(TokenFailure.MALFORMED,
                    "unexpected " + e.getClass().getSimpleName() + " while verifying; see the log");
        }
        if (isOfEndedSession(result)) {
            return SESSION_ENDED;
        }
        if (cache != null && result.isValid()) {
            LoginRocketSession s = result.sessionOrThrow();
            long until = s.expiresAt().toEpochMilli();
            if (maxAgeMillis >= 0) {
                until = Math.min(until, s.issuedAt().toEpochMilli() + maxAgeMillis);
            }
            cache.put(token, result, until, clock.millis());
        } else if (!result.isValid()) {
            LOG.log(Level.DEBUG, "Login token rejected: {0}: {1}", result.failure(), result.detail());
        }
        return result;
    }

    /** The ended-sessions store this verifier consults; shared with the client that records logouts. */
    public EndedSessions endedSessions() {
        return endedSessions;
    }

    private boolean isOfEndedSession(TokenVerification result) {
        LoginRocketSession s = result.isValid() ? result.sessionOrThrow() : result.expiredSession().orElse(null);
        if (s == null || !endedSessions.isEnded(s.sessionId())) {
            return false;
        }
        // Keep the entry as long as this token lives: a token outliving the retention would come back.
        endedSessions.end(s.sessionId(), s.expiresAt());
        return true;
    }

    /**
     * Builder for {@link LoginRocketTokenVerifier}. Not thread-safe; {@link #build()} may be called
     * more than once (each verifier has its own key and token caches).
     *
     * @since 0.1
     */
    public static final class Builder {
        private URI jwksUri;
        private boolean jwksLoopbackChecked;
        private String staticKey;
        private boolean allowInsecureLoopback;
        private String issuer = DEFAULT_ISSUER;
        private Duration leeway = DEFAULT_LEEWAY;
        private String realm;
        private Duration maxTokenAge;
        private Clock clock = Clock.systemUTC();
        private Duration keyRefetchInterval = DEFAULT_KEY_REFETCH_INTERVAL;
        private Duration keyFetchTimeout = DEFAULT_KEY_FETCH_TIMEOUT;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private int maxTokenLength = 16 * 1024;
        private int maxKeySetBytes = 256 * 1024;
        private LongSupplier ticker = System::nanoTime;
        private SSLContext sslContext;
        private EndedSessions endedSessions;
        private final List<LoginRocketListener> listeners = new ArrayList<>();
        private Consumer<HttpClientBuilder> httpClientCustomizer;
        private LoginRocketClient keyClient;

        private Builder() {}

        /**
         * Adds a listener told about every verification (outcome and cache use, never token
         * contents) and every key-set fetch; may be called more than once. Default: none, and then
         * no event is built.
         *
         * @since 0.2
         */
        public Builder listener(LoginRocketListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Keys from the realm's {@code /connect/jwks}; its https/loopback rule was checked when it was parsed. */
        public Builder jwks(LoginRocketUrl url) {
            this.jwksUri = Objects.requireNonNull(url, "url").jwksUri();
            this.jwksLoopbackChecked = true;
            return this;
        }

        /**
         * Keys from an explicit key-set URI (https; plain http only to a loopback address with
         * {@link #allowInsecureLoopback(boolean)}).
         */
        public Builder jwksUri(URI uri) {
            this.jwksUri = Objects.requireNonNull(uri, "uri");
            this.jwksLoopbackChecked = false;
            return this;
        }

        /**
         * A static key, as {@code loginrocket.jwt.key}: more than 256 characters, an RSA public key
         * (PEM {@code PUBLIC KEY} or bare base64 DER), verifying RS256 only; otherwise an HS256
         * secret ({@code jsk_…}, at least 32 bytes), verifying HS256 only.
         */
        public Builder staticKey(String key) {
            this.staticKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Allows a plain-http {@link #jwksUri(URI)} to a loopback address (emulator, tests). Default false. */
        public Builder allowInsecureLoopback(boolean allow) {
            this.allowInsecureLoopback = allow;
            return this;
        }

        /** The expected {@code iss}. Default {@code https://authrocket.com}. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Clock skew tolerated for {@code exp}, {@code nbf}, {@code iat}. Default 5 s; at most 5 min. */
        public Builder leeway(Duration leeway) {
            this.leeway = nonNegative(leeway, "leeway");
            return this;
        }

        /** Pins the realm: only tokens whose {@code rid} equals this are accepted. Default: any realm. */
        public Builder realm(String rid) {
            this.realm = rid;
            return this;
        }

        /** Rejects tokens issued longer ago than this ({@code TOO_OLD}). Default: no limit. */
        public Builder maxTokenAge(Duration maxAge) {
            this.maxTokenAge = maxAge == null ? null : nonNegative(maxAge, "maxTokenAge");
            return this;
        }

        /**
         * The clock for claim checks and cache expiry. Default system UTC. (The key refetch throttle
         * runs on a monotonic ticker, so moving this clock cannot open it.)
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Minimum time between key-set refetches triggered by unknown {@code kid}s (after a failed
         * fetch, at most 1 s). The first successful fetch does not count, so a key LoginRocket
         * rotates just after it is fetched at once; forged {@code kid}s then cost one refetch per
         * interval. Default 30 s. Zero disables the throttle: for tests only, since
         * every forged {@code kid} then costs a request to LoginRocket.
         */
        public Builder keyRefetchInterval(Duration interval) {
            this.keyRefetchInterval = nonNegative(interval, "keyRefetchInterval");
            return this;
        }

        /**
         * Timeout of one key-set fetch: it bounds the connect, the TLS handshake and the wait for
         * the headers each, and reading the body stops once it has passed since the fetch started.
         * Default 5 s.
         */
        public Builder keyFetchTimeout(Duration timeout) {
            this.keyFetchTimeout = positive(timeout, "keyFetchTimeout");
            return this;
        }

        /** Maximum number of cached verified tokens; 0 turns the cache off. Default 10,000. */
        public Builder cacheSize(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("cacheSize must be 0 (off) or positive, got " + entries);
            }
            this.cacheSize = entries;
            return this;
        }

        /** Tokens longer than this many characters are refused unread ({@code TOO_LARGE}). Default 16 KiB. */
        public Builder maxTokenLength(int chars) {
            if (chars < 64) {
                throw new IllegalArgumentException("maxTokenLength must be at least 64, got " + chars);
            }
            this.maxTokenLength = chars;
            return this;
        }

        /** Largest key-set response accepted. Default 256 KiB. */
        public Builder maxKeySetBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxKeySetBytes must be at least 1024, got " + bytes);
            }
            this.maxKeySetBytes = bytes;
            return this;
        }

        /** TLS context for key-set fetches, e.g. one trusting an https emulator. Default: the JDK's. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * Changes the Apache HttpClient 5 builder of the key-set fetch after the library has
         * configured it, as {@link LoginRocketClient.Builder#httpClientCustomizer(Consumer)} does
         * for the client: the hook for tracing (the same OpenTelemetry interceptor then covers both)
         * or a proxy. Not combinable with {@link #fetchKeysWith(LoginRocketClient)}, whose client
         * brings its own. Default: none.
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
         * Fetches the key set through {@code client}'s HTTP stack: its connection pool, TLS
         * context, proxy and {@code httpClientCustomizer}, so that an application with one client
         * and one verifier per realm has one HttpClient and one place for its tracing hook. The
         * fetch keeps this builder's {@link #keyFetchTimeout(Duration)} and {@link
         * #maxKeySetBytes(int)}; the client must stay open while the verifier is used (after it is
         * closed, a fetch fails with {@link TokenFailure#KEYS_UNAVAILABLE}). Not combinable with
         * {@link #sslContext(SSLContext)} or {@link #httpClientCustomizer(Consumer)}; unused with a
         * {@link #staticKey(String)}. Default: none, the verifier opens one connection per fetch
         * with its own settings.
         *
         * @param client an open client, typically of the same realm
         * @return this builder
         * @since 0.2
         */
        public Builder fetchKeysWith(LoginRocketClient client) {
            this.keyClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The store of ended sessions to refuse; give the {@link LoginRocketClient} that logs
         * sessions out the same one. Default: a new {@link EndedSessions#inMemory()} store of this
         * verifier's own (and so, unless shared, one that only {@link LoginRocketTokenVerifier#endedSessions()} reaches).
         *
         * @since 0.2
         */
        public Builder endedSessions(EndedSessions store) {
            this.endedSessions = Objects.requireNonNull(store, "store");
            return this;
        }

        /** What this builder holds, listeners and ended-sessions store aside; for tests comparing two builders. */
        Settings settings() {
            return new Settings(jwksUri, staticKey != null, allowInsecureLoopback, issuer, leeway, realm, maxTokenAge,
                    clock, keyRefetchInterval, keyFetchTimeout, cacheSize, maxTokenLength, maxKeySetBytes, sslContext);
        }

        /** The comparable part of a builder's state. */
        record Settings(URI jwksUri, boolean staticKey, boolean allowInsecureLoopback, String issuer, Duration leeway,
                String realm, Duration maxTokenAge, Clock clock, Duration keyRefetchInterval, Duration keyFetchTimeout,
                int cacheSize, int maxTokenLength, int maxKeySetBytes, SSLContext sslContext) {}

        /**
         * Builds the verifier. No network access happens here: keys are fetched on first use.
         *
         * @throws IllegalArgumentException if no key source or two are configured, the static key is
         *     unusable, the key-set URI is not https, a setting is out of range, or {@code
         *     fetchKeysWith} meets the verifier's own {@code sslContext} or {@code
         *     httpClientCustomizer}; the message names the setting and never contains the key
         */
        public LoginRocketTokenVerifier build() {
            if ((jwksUri == null) == (staticKey == null)) {
                throw new IllegalArgumentException(jwksUri == null
                        ? "no key source: set loginrocket.url (builder: jwks(url)) to use the realm's /connect/jwks,"
                                + " or loginrocket.jwt.key (builder: staticKey(key))"
                        : "two key sources: configure either the key set (jwks/jwksUri) or a static key, not both");
            }
            if (leeway.compareTo(MAX_LEEWAY) > 0) {
                throw new IllegalArgumentException("leeway (loginrocket.jwt.leeway) must be at most 5 minutes, got "
                        + leeway);
            }
            Listeners observers = Listeners.of(listeners);
            KeySource keys;
            if (staticKey != null) {
                keys = StaticKeySource.of(staticKey);
            } else {
                if (!jwksLoopbackChecked) {
                    checkJwksUri(jwksUri, allowInsecureLoopback);
                }
                keys = new JwksKeySource(new HttpJwksFetcher(jwksUri, keySetTransport(), keyFetchTimeout, maxKeySetBytes),
                        ticker, keyRefetchInterval, keyFetchTimeout, observers);
            }
            return new LoginRocketTokenVerifier(this, keys, observers);
        }

        private HttpTransport keySetTransport() {
            if (keyClient == null) {
                return HttpTransport.unpooled(sslContext, keyFetchTimeout, httpClientCustomizer);
            }
            if (sslContext != null || httpClientCustomizer != null) {
                throw new IllegalArgumentException("fetchKeysWith(client) fetches the key set with the client's TLS"
                        + " context and httpClientCustomizer; set sslContext and httpClientCustomizer on the client's"
                        + " builder instead of the verifier's");
            }
            return keyClient.transport();
        }

        /** For tests: the monotonic nanosecond source of the key-set refetch throttle, so that tests need not sleep. */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        private static void checkJwksUri(URI uri, boolean allowInsecureLoopback) {
            if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("jwksUri must be an absolute https URI, got '" + uri + "'");
            }
            try {
                // the realm URL's https-only and loopback rules, applied to the key set's origin
                LoginRocketUrl.parse(uri.getScheme() + "://" + uri.getRawAuthority() + "/", allowInsecureLoopback);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("jwksUri '" + uri + "' is refused: " + e.getMessage(), e);
            }
        }

        private static Duration nonNegative(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            if (nonNegative(d, name).isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
