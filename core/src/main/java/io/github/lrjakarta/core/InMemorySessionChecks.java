package io.github.lrjakarta.core;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * {@link SessionChecks} in this JVM's memory: the default for one node, and the local view that
 * shared records answer from while a claim holds.
 *
 * <p>A claim that holds is one lock-free map read; taking one is serialised under a lock, at most
 * once per session and interval. At most {@link Builder#maxEntries(int)} sessions (default {@value
 * InMemoryEndedSessions#DEFAULT_MAX_ENTRIES}), with the expiry and eviction of {@link
 * InMemoryEndedSessions}; forgetting a claim only makes its session due for a check earlier, so
 * evictions are logged at INFO.
 *
 * <p>Thread-safe.
 *
 * @since 0.2
 */
public final class InMemorySessionChecks implements SessionChecks {

    private static final System.Logger LOG = System.getLogger(InMemorySessionChecks.class.getName());

    private final ExpiringEntries claims;

    private InMemorySessionChecks(Builder b) {
        this.claims = new ExpiringEntries(b.maxEntries, LOG, Level.INFO, "Session-check record full ({0} sessions):"
                + " forgot the {1} claims closest to running out, whose sessions are checked again sooner;"
                + " raise loginrocket.ended-sessions.max-entries");
    }

    /** A builder; the defaults give what {@link SessionChecks#inMemory()} gives. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean claim(String sessionId, long nowMillis, long untilMillis) {
        Objects.requireNonNull(sessionId, "sessionId");
        return claims.claim(sessionId, untilMillis, nowMillis);
    }

    /** The number of sessions recorded, claims that ran out and were not yet purged included. */
    public int size() {
        return claims.size();
    }

    @Override
    public String toString() {
        return "InMemorySessionChecks[sessions=" + claims.size() + ", maxEntries=" + claims.maxEntries() + "]";
    }

    /**
     * Builder for {@link InMemorySessionChecks}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private int maxEntries = InMemoryEndedSessions.DEFAULT_MAX_ENTRIES;

        private Builder() {}

        /** The bound on sessions, as {@code loginrocket.ended-sessions.max-entries}. Default 100,000. */
        public Builder maxEntries(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, got " + max);
            }
            this.maxEntries = max;
            return this;
        }

        /** The record. */
        public InMemorySessionChecks build() {
            return new InMemorySessionChecks(this);
        }
    }
}
