package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.TokenVerification;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Already-verified tokens, so that a busy application pays one RSA verification per token rather
 * than one per request.
 *
 * <p><b>Key.</b> The whole token string, compared with {@link String#equals}: a hit is only ever
 * returned for the identical token, so no attacker-chosen input can collide into someone else's
 * entry. Hashing a ~1 KB token with SHA-256 (1–2 µs) or even {@link String#hashCode()} over all
 * of it (every request brings a new String) would dominate a hit, so the bucket hash is taken over
 * the token's length and its last 16 characters only: they lie in the signature, which is
 * uniformly distributed for genuine tokens. Forged tokens never enter the cache (only verified
 * ones are put), so crafted hash collisions can at most cost one failed {@code equals} per lookup.
 *
 * <p><b>Bounds.</b> At most {@code maxEntries} entries (puts are serialised under a lock; lookups
 * are lock-free). When full, expired entries are dropped first, then arbitrary ones (hash order,
 * effectively random) until a tenth of the capacity is free, so eviction work is amortised.
 * Each entry expires no later than the token's {@code exp} (or its maximum age). Per entry the
 * cache itself holds a key (24 bytes), an entry (32 bytes) and a map node (32 bytes plus a table
 * slot): about 100 bytes beyond the session, which already holds the token.
 *
 * <p>A cached token stays valid until its expiry even if the key that signed it is later withdrawn
 * from the key set; tokens are short-lived and LoginRocket's own libraries never withdraw keys.
 */
public final class VerifiedTokenCache {

    private static final int HASHED_SUFFIX = 16;

    private final ConcurrentHashMap<Key, Entry> map;
    private final int maxEntries;
    private final ReentrantLock writeLock = new ReentrantLock();

    public VerifiedTokenCache(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.map = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /** The cached outcome for exactly this token, or {@code null} if absent or expired at {@code nowMillis}. */
    public TokenVerification get(String token, long nowMillis) {
        Entry e = map.get(new Key(token));
        if (e == null) {
            return null;
        }
        if (nowMillis >= e.expiresAtMillis) {
            map.remove(e.key, e);
            return null;
        }
        return e.verification;
    }

    /** Caches a valid outcome until {@code expiresAtMillis}; ignored if that is not after {@code nowMillis}. */
    public void put(String token, TokenVerification verification, long expiresAtMillis, long nowMillis) {
        if (expiresAtMillis <= nowMillis) {
            return;
        }
        Key key = new Key(token);
        writeLock.lock();
        try {
            if (map.size() >= maxEntries && !map.containsKey(key)) {
                evict(nowMillis);
            }
            map.put(key, new Entry(key, verification, expiresAtMillis));
        } finally {
            writeLock.unlock();
        }
    }

    /** Called with the write lock held and the map full. */
    private void evict(long nowMillis) {
        int target = maxEntries - Math.max(1, maxEntries / 10);
        map.values().removeIf(e -> nowMillis >= e.expiresAtMillis);
        Iterator<Key> it = map.keySet().iterator();
        while (map.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public int size() {
        return map.size();
    }

    private static final class Key {
        final String token;
        final int hash;

        Key(String token) {
            this.token = token;
            int n = token.length();
            int h = n;
            for (int i = Math.max(0, n - HASHED_SUFFIX); i < n; i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).hash == hash && ((Key) o).token.equals(token);
        }
    }

    private static final class Entry {
        final Key key;
        final TokenVerification verification;
        final long expiresAtMillis;

        Entry(Key key, TokenVerification verification, long expiresAtMillis) {
            this.key = key;
            this.verification = verification;
            this.expiresAtMillis = expiresAtMillis;
        }
    }
}
