package io.github.lrjakarta.jcache;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.InMemoryEndedSessions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;

/**
 * {@link EndedSessions} shared by every node of a cluster through a JCache (JSR-107) cache, so a
 * logout on one node holds on all of them.
 *
 * <p>The cache maps a session id to the end of its retention (epoch milliseconds); the engine
 * (Hazelcast, Infinispan, …) replicates it. Requests never wait for it: {@link #isEnded(String)}
 * reads a local mirror, an {@link InMemoryEndedSessions}, that JCache entry listeners keep up to
 * date (created and updated entries are added, removed ones forgotten) and that is loaded from the
 * cache when the store starts, so a node that joins later knows every session ended before it.
 * {@link #end(String, Instant)} writes the mirror first, so this node refuses the session at once,
 * then the cache, whose events reach the other nodes after the engine's propagation delay
 * (milliseconds on a LAN).
 *
 * <p>If the cache cannot be written (the cluster is partitioned, say), the failure is logged as a
 * WARNING and this node still refuses the session; other nodes accept its tokens until they
 * expire. The log line never holds the session id.
 *
 * <p>Build it on a cache the application configured in code with {@link #on(Cache)}, or let the
 * {@code loginrocket.ended-sessions.*} keys do it ({@code store=jcache}, see {@link
 * JCacheEndedSessionsProvider}). Thread-safe. {@link #close()} stops the listener; the cache itself
 * belongs to its creator.
 *
 * @since 0.2
 */
public final class JCacheEndedSessions implements EndedSessions, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JCacheEndedSessions.class.getName());
    /** Mirrors by id, so listener copies the engine deserialises on other members find nothing and do nothing. */
    private static final ConcurrentHashMap<String, InMemoryEndedSessions> MIRRORS = new ConcurrentHashMap<>();
    private static final int MAX_REPLACE_ATTEMPTS = 8;

    private final Cache<String, Long> cache;
    private final InMemoryEndedSessions mirror;
    private final String mirrorId = UUID.randomUUID().toString();
    private final MutableCacheEntryListenerConfiguration<String, Long> listener;

    private JCacheEndedSessions(Cache<String, Long> cache, int maxEntries, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.mirror = InMemoryEndedSessions.builder().maxEntries(maxEntries).clock(clock).build();
        MIRRORS.put(mirrorId, mirror);
        this.listener = new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new MirrorFeed(mirrorId)), null, false, false);
        // Listen first, then load: an entry written in between is seen twice, never missed.
        cache.registerCacheEntryListener(listener);
        for (Cache.Entry<?, ?> e : (Cache<?, ?>) cache) {
            if (isSession(e.getKey()) && e.getValue() instanceof Long until) {
                mirror.end((String) e.getKey(), Instant.ofEpochMilli(until));
            }
        }
    }

    /**
     * Whether a cache key can be an ended session: not the shared back-off's entry, nor another
     * application's key in a server-configured cache shared with other data.
     */
    private static boolean isSession(Object key) {
        return key instanceof String id && !id.startsWith(JCacheSharedBackOff.KEY_PREFIX);
    }

    /**
     * A store on a cache the application configured (keys session ids, values epoch
     * milliseconds; give it an expiry of at least twice {@code loginrocket.ended-sessions.retention}
     * so it does not grow forever), with a mirror of at most 100,000 entries on the system clock.
     * Registers a listener and reads the whole cache once.
     *
     * @param cache the shared cache
     * @return the store
     */
    public static JCacheEndedSessions on(Cache<String, Long> cache) {
        return builder(cache).build();
    }

    /** A builder for a store on {@code cache}. */
    public static Builder builder(Cache<String, Long> cache) {
        return new Builder(cache);
    }

    @Override
    public void end(String sessionId, Instant until) {
        if (!mirror.record(sessionId, until)) {
            // Known already (the verifier re-ends a session whenever one of its tokens is refused):
            // no cache round trip, so replaying a logged-out token costs the cluster nothing.
            return;
        }
        long u = until.toEpochMilli();
        try {
            for (int i = 0; i < MAX_REPLACE_ATTEMPTS; i++) {
                Long old = cache.get(sessionId);
                if (old == null ? cache.putIfAbsent(sessionId, u) : old >= u || cache.replace(sessionId, old, u)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not share an ended session through JCache cache " + cache.getName()
                    + ": this node refuses it, other nodes may accept its tokens until they expire", e);
        }
    }

    @Override
    public boolean isEnded(String sessionId) {
        return mirror.isEnded(sessionId);
    }

    /** The number of entries in the local mirror. */
    public int mirrorSize() {
        return mirror.size();
    }

    /** Stops listening to the cache; {@link #isEnded(String)} then answers from what it knew. */
    @Override
    public void close() {
        try {
            cache.deregisterCacheEntryListener(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Deregistering the ended-sessions listener failed", e);
        } finally {
            MIRRORS.remove(mirrorId);
        }
    }

    @Override
    public String toString() {
        return "JCacheEndedSessions[cache=" + cache.getName() + ", mirror=" + mirror + "]";
    }

    /** Feeds the cache's events into the mirror of the node that registered it; keys that are no session ids are ignored. */
    private static final class MirrorFeed extends EntryFeed {

        private static final long serialVersionUID = 1L;
        private final String mirrorId;

        MirrorFeed(String mirrorId) {
            this.mirrorId = mirrorId;
        }

        @Override
        void written(String key, long epochMillis) {
            InMemoryEndedSessions mirror = MIRRORS.get(mirrorId);
            if (mirror != null && isSession(key)) {
                mirror.end(key, Instant.ofEpochMilli(epochMillis));
            }
        }

        @Override
        void removed(String key) {
            InMemoryEndedSessions mirror = MIRRORS.get(mirrorId);
            if (mirror != null && isSession(key)) {
                // removed on purpose (an administrator's correction): no node should refuse it any more
                mirror.forget(key);
            }
        }

        @Override
        void expired(String key) {
            InMemoryEndedSessions mirror = MIRRORS.get(mirrorId);
            if (mirror != null && isSession(key)) {
                // The mirror keeps each entry until its own end, which may be later than the cache's
                // expiry; a read drops it if that end has passed.
                mirror.isEnded(key);
            }
        }
    }

    /**
     * Builder for {@link JCacheEndedSessions}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final Cache<String, Long> cache;
        private int maxEntries = InMemoryEndedSessions.DEFAULT_MAX_ENTRIES;
        private Clock clock = Clock.systemUTC();

        private Builder(Cache<String, Long> cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
        }

        /** Bound on the local mirror's entries, as {@code loginrocket.ended-sessions.max-entries}. Default 100,000. */
        public Builder maxEntries(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, got " + max);
            }
            this.maxEntries = max;
            return this;
        }

        /** The clock the mirror's entries expire on. Default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Registers the listener, loads the mirror and returns the store. */
        public JCacheEndedSessions build() {
            return new JCacheEndedSessions(cache, maxEntries, clock);
        }
    }
}
