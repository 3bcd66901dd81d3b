package io.github.lrjakarta.micrometer;

import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.KeySetEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.RateLimitEvent;
import io.github.lrjakarta.core.event.VerificationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LoginRocket metrics for Micrometer: register one instance as a listener on the client and the
 * verifier, and the library's events become meters in your registry.
 *
 * <pre>{@code
 * LoginRocketMetrics metrics = new LoginRocketMetrics(registry);
 * LoginRocketClient client = LoginRocketFactory.of(config).clientBuilder().listener(metrics).build();
 * LoginRocketTokenVerifier verifier = LoginRocketFactory.of(config).tokenVerifierBuilder().listener(metrics).build();
 * }</pre>
 *
 * <p>With the servlet filter or the CDI extension, which build the client and verifier themselves,
 * register it without code: list {@code io.github.lrjakarta.micrometer.LoginRocketMetrics} in {@code
 * META-INF/services/io.github.lrjakarta.core.event.LoginRocketListener}; the no-argument constructor
 * then reports to Micrometer's global registry ({@link Metrics#globalRegistry}).
 *
 * <table>
 *   <caption>Meters (tags have a handful of values each)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code loginrocket.calls}</td><td>timer</td><td>{@code call} ({@code POST /v2/login}, …;
 *       refreshes are {@code GET /v2/session}, logouts {@code DELETE /v2/session}),
 *       {@code outcome} ({@code success}, {@code client_error}, {@code rate_limited}, {@code server_error},
 *       {@code transport_error}, {@code protocol_error})</td></tr>
 *   <tr><td>{@code loginrocket.token.verifications}</td><td>counter</td><td>{@code outcome} ({@code valid}
 *       or the {@link TokenFailure} in lower case), {@code cache} ({@code hit}, {@code miss})</td></tr>
 *   <tr><td>{@code loginrocket.token.cache.size}</td><td>gauge</td><td>none</td></tr>
 *   <tr><td>{@code loginrocket.keyset.fetches}</td><td>timer</td><td>{@code outcome} ({@code success},
 *       {@code failure})</td></tr>
 *   <tr><td>{@code loginrocket.ratelimit.episodes}</td><td>counter</td><td>none</td></tr>
 *   <tr><td>{@code loginrocket.ratelimit.active}</td><td>gauge</td><td>none (1 while the client backs off)</td></tr>
 * </table>
 *
 * <p>The verification counters are created up front, so the per-request cost is an array lookup and
 * an increment. Thread-safe; one instance may serve several clients and verifiers (their figures
 * add up).
 *
 * @since 0.2
 */
public final class LoginRocketMetrics implements LoginRocketListener {

    private final MeterRegistry registry;
    private final Counter[][] verifications;
    private final AtomicInteger cacheSize = new AtomicInteger();
    private final AtomicInteger rateLimitActive = new AtomicInteger();
    private final Counter rateLimitEpisodes;
    private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> keySetTimers = new ConcurrentHashMap<>();

    /** Reports to Micrometer's global registry; for registration through {@link java.util.ServiceLoader}. */
    public LoginRocketMetrics() {
        this(Metrics.globalRegistry);
    }

    /** Reports to {@code registry}. */
    public LoginRocketMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        TokenFailure[] reasons = TokenFailure.values();
        this.verifications = new Counter[reasons.length + 1][2];
        for (int i = 0; i <= reasons.length; i++) {
            String outcome = i == reasons.length ? "valid" : tagValue(reasons[i].name());
            verifications[i][0] = verificationCounter(outcome, "miss");
            verifications[i][1] = verificationCounter(outcome, "hit");
        }
        Gauge.builder("loginrocket.token.cache.size", cacheSize, AtomicInteger::get)
                .description("Verified login tokens held in the verifier's cache")
                .register(registry);
        Gauge.builder("loginrocket.ratelimit.active", rateLimitActive, AtomicInteger::get)
                .description("1 while the client refuses calls locally because LoginRocket asked it to wait")
                .register(registry);
        this.rateLimitEpisodes = Counter.builder("loginrocket.ratelimit.episodes")
                .description("Times LoginRocket made the client back off (429, or 503 with a wait)")
                .register(registry);
    }

    private Counter verificationCounter(String outcome, String cache) {
        return Counter.builder("loginrocket.token.verifications")
                .description("Login token verifications by outcome and cache use")
                .tag("outcome", outcome)
                .tag("cache", cache)
                .register(registry);
    }

    @Override
    public void callCompleted(CallEvent event) {
        String outcome = tagValue(event.outcome().name());
        callTimers.computeIfAbsent(event.call() + '|' + outcome, k -> Timer.builder("loginrocket.calls")
                        .description("LoginRocket API calls, all attempts included")
                        .tag("call", event.call())
                        .tag("outcome", outcome)
                        .register(registry))
                .record(event.duration());
    }

    @Override
    public void tokenVerified(VerificationEvent event) {
        TokenFailure failure = event.failure();
        int row = failure == null ? verifications.length - 1 : failure.ordinal();
        verifications[row][event.cacheHit() ? 1 : 0].increment();
        cacheSize.set(event.cacheSize());
    }

    @Override
    public void keySetFetched(KeySetEvent event) {
        String outcome = event.success() ? "success" : "failure";
        keySetTimers.computeIfAbsent(outcome, k -> Timer.builder("loginrocket.keyset.fetches")
                        .description("Fetches of the realm's key set (/connect/jwks)")
                        .tag("outcome", outcome)
                        .register(registry))
                .record(event.duration());
    }

    @Override
    public void rateLimitChanged(RateLimitEvent event) {
        if (event.started()) {
            rateLimitEpisodes.increment();
            rateLimitActive.set(1);
        } else {
            rateLimitActive.set(0);
        }
    }

    private static String tagValue(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
