package io.github.lrjakarta.jcache;

import io.github.lrjakarta.core.InMemoryEndedSessions;
import io.github.lrjakarta.core.InMemorySessionChecks;
import io.github.lrjakarta.core.SessionChecks;
import java.lang.System.Logger.Level;
import java.util.Objects;
import javax.cache.Cache;

/**
 * {@link SessionChecks} shared by every node of a cluster through a JCache (JSR-107) cache, so that
 * each active session is confirmed at LoginRocket once per interval for the whole cluster, not
 * once per node.
 *
 * <p>The cache maps a session id to the end of the claim on its check (epoch milliseconds). A claim
 * is taken atomically, {@code putIfAbsent} for a session never checked, {@code replace(key, old,
 * new)} for one whose claim ran out, so of all nodes exactly one wins it. Requests never wait for
 * the cache while a claim holds: a local {@link InMemorySessionChecks} answers first, and only a
 * claim that ran out on this node costs a round trip to the cache (one {@code get}, then the atomic
 * write), at most once per session and interval per node.
 *
 * <p>If the cache cannot be reached (the cluster is partitioned, say), the failure is logged as a
 * WARNING, without the session id, and this node makes the check on its own claim: each node then
 * checks each session once per interval, more calls but no lost checks.
 *
 * <p>Build it on a cache the application configured with {@link #on(Cache)}, or let the {@code
 * loginrocket.ended-sessions.*} keys do it ({@code store=jcache}, cache {@code
 * ended-sessions.jcache.checks-cache}). Thread-safe. The cache belongs to its creator.
 *
 * @since 0.2
 */
public final class JCacheSessionChecks implements SessionChecks {

    private static final System.Logger LOG = System.getLogger(JCacheSessionChecks.class.getName());
    private static final int MAX_CLAIM_ATTEMPTS = 8;

    private final Cache<String, Long> cache;
    private final InMemorySessionChecks local;

    private JCacheSessionChecks(Cache<String, Long> cache, int maxEntries) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.local = InMemorySessionChecks.builder().maxEntries(maxEntries).build();
    }

    /**
     * A record on a cache the application configured (keys session ids, values epoch milliseconds;
     * give it an expiry of about twice {@code loginrocket.session-recheck-interval} so it does not
     * grow forever), with a local view of at most 100,000 sessions.
     *
     * @param cache the shared cache, not the one of the ended sessions
     * @return the record
     */
    public static JCacheSessionChecks on(Cache<String, Long> cache) {
        return on(cache, InMemoryEndedSessions.DEFAULT_MAX_ENTRIES);
    }

    /**
     * Like {@link #on(Cache)}, with a bound on the local view, as {@code loginrocket.ended-sessions.max-entries}.
     *
     * @param cache the shared cache
     * @param maxEntries bound on the sessions the local view holds
     * @return the record
     */
    public static JCacheSessionChecks on(Cache<String, Long> cache, int maxEntries) {
        return new JCacheSessionChecks(cache, maxEntries);
    }

    @Override
    public boolean claim(String sessionId, long nowMillis, long untilMillis) {
        if (!local.claim(sessionId, nowMillis, untilMillis)) {
            return false; // a claim this node knows of holds: no cache round trip
        }
        try {
            for (int i = 0; i < MAX_CLAIM_ATTEMPTS; i++) {
                Long held = cache.get(sessionId);
                if (held != null && held > nowMillis) {
                    // Another node's claim holds. The local view keeps ours, which runs out a little
                    // later than theirs: this node then leaves their next check to them too.
                    return false;
                }
                if (held == null ? cache.putIfAbsent(sessionId, untilMillis) : cache.replace(sessionId, held, untilMillis)) {
                    return true;
                }
            }
            return false; // other nodes are claiming this session right now; one of them checks it
        } catch (RuntimeException e) {
            // the class only: an engine's message might quote the key, a session id
            LOG.log(Level.WARNING, "Could not claim a session check through JCache cache {0} ({1}): this node checks"
                    + " the session on its own", cache.getName(), e.getClass().getName());
            LOG.log(Level.DEBUG, "Details", e);
            return true;
        }
    }

    @Override
    public String toString() {
        return "JCacheSessionChecks[cache=" + cache.getName() + ", local=" + local + "]";
    }
}
