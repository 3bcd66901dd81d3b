package io.github.lrjakarta.jcache;

import java.io.Serializable;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * The entry listener of this module's stores: hands on the cache's events as a string key and, for
 * a write, an epoch-millisecond {@code Long}. A cache that a server configured may be shared with
 * other applications' data; their entries, with keys that are no strings or values that are no
 * {@code Long}, are ignored, where the listener's declared types would make each of their events
 * throw. Serializable, since the engine may copy it to other members.
 */
abstract class EntryFeed implements CacheEntryCreatedListener<String, Long>, CacheEntryUpdatedListener<String, Long>,
        CacheEntryRemovedListener<String, Long>, CacheEntryExpiredListener<String, Long>, Serializable {

    private static final long serialVersionUID = 1L;

    /** An entry was created or updated. */
    abstract void written(String key, long epochMillis);

    /** An entry was removed on purpose. */
    abstract void removed(String key);

    /** An entry expired under the cache's expiry policy. */
    abstract void expired(String key);

    @Override
    public final void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
        forEachWritten(events);
    }

    @Override
    public final void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
        forEachWritten(events);
    }

    @Override
    public final void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
        for (CacheEntryEvent<?, ?> e : events) {
            if (e.getKey() instanceof String key) {
                removed(key);
            }
        }
    }

    @Override
    public final void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
        for (CacheEntryEvent<?, ?> e : events) {
            if (e.getKey() instanceof String key) {
                expired(key);
            }
        }
    }

    // Wildcards, not String and Long: the compiler would cast, and throw on another application's entry.
    private void forEachWritten(Iterable<? extends CacheEntryEvent<?, ?>> events) {
        for (CacheEntryEvent<?, ?> e : events) {
            if (e.getKey() instanceof String key && e.getValue() instanceof Long epochMillis) {
                written(key, epochMillis);
            }
        }
    }
}
