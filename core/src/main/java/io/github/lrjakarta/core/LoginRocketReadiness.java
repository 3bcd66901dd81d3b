package io.github.lrjakarta.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether this realm's LoginRocket can be reached, for readiness probes: a Kubernetes probe, a load
 * balancer health check, MicroProfile Health (the CDI extension registers this as a {@code
 * @Readiness} check when MicroProfile Health is present).
 *
 * <pre>{@code
 * LoginRocketReadiness readiness = LoginRocketReadiness.builder(client).interval(Duration.ofSeconds(30)).build();
 * LoginRocketReadiness.Status s = readiness.check();   // s.up(), s.detail()
 * }</pre>
 *
 * <p>The check fetches the realm's key set ({@code GET /connect/jwks}, the cheapest call that has
 * no side effect and needs no credentials) through the client's own connection pool, TLS settings
 * and timeouts, once, without retries. Its answer is kept for {@link Builder#interval(Duration)}
 * (default 30 s), so however often probes ask, LoginRocket sees at most one call per interval per
 * node and the realm's rate limit is not spent on health checks. While one thread checks, others
 * get the previous answer instead of waiting.
 *
 * <p><b>Up or down:</b> up when LoginRocket answers the key set with 200. Also up, with a detail
 * saying so, when it answers 429 or the client is backing off after one: the realm is reachable, and
 * the rate limit is the realm's, so marking every node unready at once would turn a rate limit into
 * an outage while cached tokens still verify. Down on a 5xx, any other status, a timeout or a
 * connection failure; the detail names the cause and LoginRocket's request id, never a secret.
 *
 * <p>Thread-safe; share one per client.
 *
 * @since 0.2
 */
public final class LoginRocketReadiness {

    /** The default time an answer is kept. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /** The shortest interval accepted: a probe every second is already more than any orchestrator needs. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final LoginRocketClient client;
    private final Duration interval;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Status last;

    private LoginRocketReadiness(Builder b) {
        this.client = b.client;
        this.interval = b.interval;
        this.clock = b.clock;
    }

    /** A builder for a readiness check through {@code client}. */
    public static Builder builder(LoginRocketClient client) {
        return new Builder(client);
    }

    /**
     * The current answer: the kept one if it is younger than the interval, else a fresh check.
     * Never throws; blocks at most for one probe (the client's connect and response timeouts), and
     * only the first caller, or every caller while no answer exists yet.
     */
    public Status check() {
        Status kept = last;
        if (kept != null && fresh(kept)) {
            return kept;
        }
        if (kept != null && !checking.tryLock()) {
            return kept;
        }
        if (kept == null) {
            checking.lock();
        }
        try {
            Status now = last;
            if (now != null && now != kept && fresh(now)) {
                return now;
            }
            Status fresh = client.probeReadiness(clock.instant());
            last = fresh;
            return fresh;
        } finally {
            checking.unlock();
        }
    }

    private boolean fresh(Status s) {
        return s.checkedAt().plus(interval).isAfter(clock.instant());
    }

    /**
     * One answer of the check.
     *
     * @param up whether LoginRocket is reachable
     * @param detail why, for a person: the status or failure and LoginRocket's request id
     * @param checkedAt when the probe ran
     * @param status LoginRocket's HTTP status, or 0 if there was no answer (or no call: backing off)
     * @param requestId LoginRocket's request id, or null
     * @since 0.2
     */
    public record Status(boolean up, String detail, Instant checkedAt, int status, String requestId) {

        /** LoginRocket's request id, if there was a response. */
        public Optional<String> requestIdIfAny() {
            return Optional.ofNullable(requestId);
        }
    }

    /**
     * Builds a {@link LoginRocketReadiness}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final LoginRocketClient client;
        private Duration interval = DEFAULT_INTERVAL;
        private Clock clock = Clock.systemUTC();

        private Builder(LoginRocketClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * How long an answer is kept; at most one call to LoginRocket per interval. Default 30 s.
         *
         * @param interval at least 1 s ({@code loginrocket.health.interval})
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("interval must be at least 1s, got " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The clock that ages answers (tests). Default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The check; it makes no call until {@link #check()} is first asked. */
        public LoginRocketReadiness build() {
            return new LoginRocketReadiness(this);
        }
    }
}
