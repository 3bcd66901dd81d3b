package io.github.lrjakarta.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@link EndedSessions} in this JVM's memory: the default for one node, and the local mirror that
 * shared stores answer {@link #isEnded(String)} from.
 *
 * <p>A {@link java.util.concurrent.ConcurrentHashMap} from session id to the end of its retention. A lookup of a session
 * that was never ended, the common case, is one lock-free map read and does not read the clock.
 * Expired entries are removed when they are read, and all of them every 1,024 recordings.
 *
 * <p><b>Bounds.</b> At most {@link Builder#maxEntries(int)} entries (default {@value
 * #DEFAULT_MAX_ENTRIES}, about 10 MB). Only a logout, which needs a session LoginRocket accepted,
 * adds one, so the bound is reached only by a very large or hostile workload; then expired entries
 * go first and, if that is not enough, those that expire soonest, until a tenth of the capacity is
 * free. Forgetting a live entry lets that session's remaining tokens work again until they expire,
 * so each such eviction is logged as a WARNING: raise the bound or use a shared store.
 *
 * <p>Thread-safe; recordings are serialised under a lock, lookups are lock-free.
 *
 * @since 0.2
 */
public final class InMemoryEndedSessions implements EndedSessions {

    /** The default bound on entries. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final System.Logger LOG = System.getLogger(InMemoryEndedSessions.class.getName());

    private final ExpiringEntries entries;
    /** Bound once: a method reference made per call would allocate on every request. */
    private final LongSupplier clockMillis;

    private InMemoryEndedSessions(Builder b) {
        this.entries = new ExpiringEntries(b.maxEntries, LOG, Level.WARNING, "Ended-sessions store full ({0} entries):"
                + " forgot the {1} ended sessions closest to expiry, whose remaining tokens work again until they"
                + " expire; raise loginrocket.ended-sessions.max-entries or use a shared store");
        this.clockMillis = b.clock::millis;
    }

    /** A builder; the defaults give what {@link EndedSessions#inMemory()} gives. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void end(String sessionId, Instant until) {
        record(sessionId, until);
    }

    /**
     * Like {@link #end(String, Instant)}, telling whether anything changed: for a shared store,
     * which need not write its cache when the entry was already known to last that long.
     *
     * @param sessionId the session id
     * @param until when the last token of the session expires
     * @return true if the session was not known to be ended until at least {@code until}
     */
    public boolean record(String sessionId, Instant until) {
        Objects.requireNonNull(sessionId, "sessionId");
        long u = Objects.requireNonNull(until, "until").toEpochMilli();
        // a replayed token of an ended session lands here on every request: extend() does not read
        // the clock or lock when the entry already lasts long enough
        return entries.extend(sessionId, u, clockMillis);
    }

    @Override
    public boolean isEnded(String sessionId) {
        return entries.isLive(sessionId, clockMillis);
    }

    /**
     * Forgets a session, as if it had never been ended: for a shared store whose entry was removed
     * on purpose (an administrator's correction). Not for normal use.
     *
     * @param sessionId the session id
     */
    public void forget(String sessionId) {
        entries.remove(Objects.requireNonNull(sessionId, "sessionId"));
    }

    /** The number of entries, expired ones not yet purged included. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "InMemoryEndedSessions[entries=" + entries.size() + ", maxEntries=" + entries.maxEntries() + "]";
    }

    /**
     * Builder for {@link InMemoryEndedSessions}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The bound on entries. Default 100,000. */
        public Builder maxEntries(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, got " + max);
            }
            this.maxEntries = max;
            return this;
        }

        /** The clock entries expire on. Default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The store. */
        public InMemoryEndedSessions build() {
            return new InMemoryEndedSessions(this);
        }
    }
}
