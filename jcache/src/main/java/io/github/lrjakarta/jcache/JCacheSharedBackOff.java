package io.github.lrjakarta.jcache;

import io.github.lrjakarta.core.SharedBackOff;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;

/**
 * A {@link SharedBackOff} through a JCache (JSR-107) cache: when LoginRocket rate-limits one node,
 * every node of the cluster refuses calls locally until the wait has passed.
 *
 * <p>It lives in the ended sessions' cache (keys strings, values epoch milliseconds), as one entry
 * per realm whose key, {@code loginrocket rate-limited until <realm URL>}, no session id can take:
 * the end of the wait. Clients read it before every call from a local copy that a JCache entry
 * listener keeps up to date and that is read from the cache when the
 * back-off is built; {@link #backOff(Instant)} writes the copy first, then the cache, keeping the
 * later end if another node wrote one meanwhile; {@link #resume()} clears the copy, then removes
 * the entry. Each is called once per episode and node. The entry expires with the cache's expiry
 * policy; one left behind by a crashed node is harmless, since a node only holds back while the
 * end is in the future.
 *
 * <p>A cache write that fails (a partitioned cluster) is left to the caller, which logs it; this
 * node still backs off.
 *
 * <p>Build it with {@link #on(Cache, String)}, or let {@code loginrocket.ended-sessions.store=jcache}
 * do it ({@link JCacheEndedSessionsProvider}). Thread-safe. {@link #close()} stops the listener;
 * the cache belongs to its creator.
 *
 * @since 0.2
 */
public final class JCacheSharedBackOff implements SharedBackOff, AutoCloseable {

    /** The start of the entry's key; the realm URL follows. */
    public static final String KEY_PREFIX = "loginrocket rate-limited until ";

    private static final System.Logger LOG = System.getLogger(JCacheSharedBackOff.class.getName());
    /** Copies by id, so listener copies the engine deserialises on other members find nothing and do nothing. */
    private static final ConcurrentHashMap<String, JCacheSharedBackOff> LOCAL = new ConcurrentHashMap<>();
    private static final int MAX_REPLACE_ATTEMPTS = 8;

    private final Cache<String, Long> cache;
    private final String key;
    private final String id = UUID.randomUUID().toString();
    private final MutableCacheEntryListenerConfiguration<String, Long> listener;
    private volatile Instant until;

    private JCacheSharedBackOff(Cache<String, Long> cache, String realm) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.key = KEY_PREFIX + Objects.requireNonNull(realm, "realm");
        LOCAL.put(id, this);
        this.listener = new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(new Feed(id, key)),
                null, false, false);
        // Listen first, then read: a write in between is seen twice, never missed.
        cache.registerCacheEntryListener(listener);
        until = endIn(((Cache<String, ?>) cache).get(key));
    }

    /**
     * The back-off of {@code realm} in {@code cache}; the same cache as the ended sessions' does.
     * Registers a listener and reads one entry.
     *
     * @param cache the shared cache (keys strings, values epoch milliseconds)
     * @param realm the realm's URL, as every node configures it (e.g. {@code https://example.e2.loginrocket.com/})
     * @return the back-off
     */
    public static JCacheSharedBackOff on(Cache<String, Long> cache, String realm) {
        return new JCacheSharedBackOff(cache, realm);
    }

    @Override
    public Instant until() {
        return until;
    }

    @Override
    public void backOff(Instant end) {
        Objects.requireNonNull(end, "end");
        synchronized (this) {
            Instant known = until;
            if (known == null || end.isAfter(known)) {
                until = end;
            }
        }
        long e = end.toEpochMilli();
        for (int i = 0; i < MAX_REPLACE_ATTEMPTS; i++) {
            Long old = cache.get(key);
            if (old == null ? cache.putIfAbsent(key, e) : old >= e || cache.replace(key, old, e)) {
                return;
            }
        }
        LOG.log(Level.DEBUG, "Gave up sharing the back-off of {0}: other nodes kept writing it", key);
    }

    @Override
    public void resume() {
        until = null;
        cache.remove(key);
    }

    /** Stops listening to the cache; {@link #until()} then answers from what it knew. */
    @Override
    public void close() {
        try {
            cache.deregisterCacheEntryListener(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Deregistering the back-off listener failed", e);
        } finally {
            LOCAL.remove(id);
        }
    }

    @Override
    public String toString() {
        return "JCacheSharedBackOff[cache=" + cache.getName() + ", until=" + until + "]";
    }

    /**
     * The end an entry's value holds, or null for none: also for a value that is no epoch-millisecond
     * {@code Long}, which another application sharing a server-configured cache may have written.
     */
    private static Instant endIn(Object value) {
        return value instanceof Long end ? Instant.ofEpochMilli(end) : null;
    }

    /** Feeds the entry's events into the copy of the node that registered it; events of other keys are ignored. */
    private static final class Feed extends EntryFeed {

        private static final long serialVersionUID = 1L;
        private final String id;
        private final String key;

        Feed(String id, String key) {
            this.id = id;
            this.key = key;
        }

        @Override
        void written(String written, long epochMillis) {
            tell(written, Instant.ofEpochMilli(epochMillis));
        }

        @Override
        void removed(String removed) {
            tell(removed, null);
        }

        @Override
        void expired(String expired) {
            tell(expired, null);
        }

        private void tell(String changed, Instant end) {
            JCacheSharedBackOff local = LOCAL.get(id);
            if (local != null && key.equals(changed)) {
                local.until = end;
            }
        }
    }
}
