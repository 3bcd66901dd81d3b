package io.github.lrjakarta.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A bounded map from session id to the instant (epoch milliseconds) its entry stops counting: the
 * one home of the expiry and eviction rules that {@link InMemoryEndedSessions} and {@link
 * InMemorySessionChecks} (and, through them, the shared stores' local mirrors) follow.
 *
 * <p>Reads are lock-free; writes are serialised under a lock. Expired entries are removed when
 * they are read, and all of them every {@value #PURGE_EVERY} writes. Above {@code maxEntries},
 * expired entries go first and, if that is not enough, those that expire soonest, until a tenth
 * of the capacity is free; what forgetting an entry costs differs per store, so the store says how
 * loudly to report it.
 */
final class ExpiringEntries {

    private static final int PURGE_EVERY = 1024;

    private final ConcurrentHashMap<String, Long> untilMillis = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicInteger writesSincePurge = new AtomicInteger();
    private final int maxEntries;
    private final Logger log;
    private final Level evictionLevel;
    private final String evictionMessage;

    /**
     * @param evictionMessage logged at {@code evictionLevel} when live entries had to go, with
     *     {@code {0}} the bound and {@code {1}} the number forgotten
     */
    ExpiringEntries(int maxEntries, Logger log, Level evictionLevel, String evictionMessage) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.log = log;
        this.evictionLevel = evictionLevel;
        this.evictionMessage = evictionMessage;
    }

    /**
     * Whether {@code key} has an entry lasting past now; an expired one is dropped. The clock is
     * read only if there is an entry: most keys asked about have none.
     */
    boolean isLive(String key, LongSupplier nowMillis) {
        Long u = untilMillis.get(key);
        if (u == null) {
            return false;
        }
        if (nowMillis.getAsLong() < u) {
            return true;
        }
        untilMillis.remove(key, u);
        return false;
    }

    /**
     * Makes the entry of {@code key} last at least until {@code until}.
     *
     * @return true if it did not last that long before
     */
    boolean extend(String key, long until, LongSupplier clockMillis) {
        Long known = untilMillis.get(key);
        if (known != null && known >= until) {
            return false; // lock-free, no clock read: the common case of a replayed write
        }
        long nowMillis = clockMillis.getAsLong();
        if (until <= nowMillis) {
            return false;
        }
        writeLock.lock();
        try {
            untilMillis.merge(key, until, Math::max);
            afterWrite(nowMillis);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sets the entry of {@code key} to {@code until} if it has none lasting past {@code nowMillis}:
     * of concurrent callers, exactly one succeeds.
     *
     * @return true if this caller set it
     */
    boolean claim(String key, long until, long nowMillis) {
        Long known = untilMillis.get(key);
        if (known != null && known > nowMillis) {
            return false; // lock-free: the common case, a claim that still holds
        }
        writeLock.lock();
        try {
            Long again = untilMillis.get(key);
            if (again != null && again > nowMillis) {
                return false;
            }
            untilMillis.put(key, until);
            afterWrite(nowMillis);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    void remove(String key) {
        untilMillis.remove(key);
    }

    int size() {
        return untilMillis.size();
    }

    int maxEntries() {
        return maxEntries;
    }

    /** Called with the write lock held. */
    private void afterWrite(long nowMillis) {
        if (untilMillis.size() > maxEntries || writesSincePurge.incrementAndGet() >= PURGE_EVERY) {
            purge(nowMillis);
        }
    }

    /** Called with the write lock held. */
    private void purge(long nowMillis) {
        writesSincePurge.set(0);
        untilMillis.values().removeIf(u -> u <= nowMillis);
        if (untilMillis.size() <= maxEntries) {
            return;
        }
        int target = maxEntries - Math.max(1, maxEntries / 10);
        List<Map.Entry<String, Long>> entries = new ArrayList<>(untilMillis.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        int evicted = 0;
        for (Map.Entry<String, Long> e : entries) {
            if (untilMillis.size() <= target) {
                break;
            }
            if (untilMillis.remove(e.getKey(), e.getValue())) {
                evicted++;
            }
        }
        log.log(evictionLevel, evictionMessage, maxEntries, evicted);
    }
}
