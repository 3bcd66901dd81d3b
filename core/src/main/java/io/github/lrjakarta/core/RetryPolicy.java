package io.github.lrjakarta.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link LoginRocketClient} repeats a failed call.
 *
 * <p>A call is repeated only when all of these hold:
 *
 * <ul>
 *   <li>attempts remain ({@link Builder#maxAttempts(int) maxAttempts} counts the first try; default
 *       {@value #DEFAULT_MAX_ATTEMPTS});
 *   <li>the call is idempotent ({@code GET /v2/session}, {@code DELETE /v2/session}), or {@link
 *       Builder#retryNonIdempotent(boolean) retryNonIdempotent} was switched on. Logging in, signing
 *       up, changing passwords and sending e-mails are not idempotent: repeating one whose first try
 *       reached LoginRocket can send a second e-mail or count a second password attempt towards a
 *       lockout. {@code PUT /v2/profile} is treated as non-idempotent for the same reason (an
 *       e-mail change sends a verification mail);
 *   <li>the failure is transient: a {@link TransportException} (connection refused or reset, a
 *       timeout, an empty or cut-off response), a 503, or a 429. TLS handshake failures, an
 *       unknown host and an exhausted connection pool are not repeated: they are configuration or
 *       overload problems that a retry would only prolong;
 *   <li>the wait is acceptable. After a 429 or 503 that says how long to wait ({@code Retry-After},
 *       else {@code Ratelimit-Reset}), the client waits exactly that long, but only if it is at
 *       most {@link Builder#maxWait(Duration) maxWait} (default 5 s; a 429 that names no wait
 *       counts as 1 s, the client's rate-limit back-off); a longer wait is not
 *       slept through in a request thread: the error is thrown at once and its {@link
 *       RateLimitedException#retryAfter()} tells the caller when to come back. Otherwise it waits
 *       an exponential backoff starting at {@link Builder#initialBackoff(Duration) initialBackoff}
 *       (default 200 ms, doubled per attempt, randomised between half and the full value, never
 *       above {@code maxWait}).
 * </ul>
 *
 * <p>When no attempt succeeds, the last failure is thrown, with the earlier ones attached as
 * {@linkplain Throwable#getSuppressed() suppressed} exceptions: a retry never hides an error. If
 * the waiting thread is interrupted, the last failure is thrown at once and the interrupt flag is
 * kept.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RetryPolicy {

    /** Default number of attempts, the first one included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final boolean retryNonIdempotent;
    private final Duration initialBackoff;
    private final Duration maxWait;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.initialBackoff = b.initialBackoff;
        this.maxWait = b.maxWait;
    }

    /** 3 attempts for idempotent calls, none repeated for the others, waits up to 5 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Every call is tried exactly once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The maximum number of attempts per call, the first one included (at least 1). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether non-idempotent calls are repeated too. */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /** The first backoff delay when the server names no wait time. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest the client waits before one retry; a longer server-requested wait is not retried. */
    public Duration maxWait() {
        return maxWait;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p
                && maxAttempts == p.maxAttempts
                && retryNonIdempotent == p.retryNonIdempotent
                && initialBackoff.equals(p.initialBackoff)
                && maxWait.equals(p.maxWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, retryNonIdempotent, initialBackoff, maxWait);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", retryNonIdempotent=" + retryNonIdempotent
                + ", initialBackoff=" + initialBackoff + ", maxWait=" + maxWait + "]";
    }

    /**
     * Builds a {@link RetryPolicy}. Not thread-safe; the built policy is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private boolean retryNonIdempotent;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxWait = Duration.ofSeconds(5);

        private Builder() {}

        /**
         * Attempts per call, the first one included. Default {@value #DEFAULT_MAX_ATTEMPTS}.
         *
         * @param maxAttempts 1 (no retries) to 10
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 10, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Whether non-idempotent calls (login, signup, password and profile changes, e-mails) are
         * repeated too. Default {@code false}; switch it on only if a duplicate e-mail or a doubled
         * failed-password count is acceptable.
         *
         * @param retryNonIdempotent whether to repeat non-idempotent calls
         * @return this builder
         */
        public Builder retryNonIdempotent(boolean retryNonIdempotent) {
            this.retryNonIdempotent = retryNonIdempotent;
            return this;
        }

        /**
         * The first backoff delay when the server names no wait time; doubled per attempt.
         * Default 200 ms.
         *
         * @param initialBackoff zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * The longest single wait before a retry. A server asking for a longer wait gets no retry:
         * the error is thrown at once. Default 5 s.
         *
         * @param maxWait zero or positive
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = nonNegative(maxWait, "maxWait");
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
