package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.EndedSessions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One ended-sessions store, and one shared rate-limit back-off, per realm URL and store setting,
 * for the whole class loader.
 *
 * <p>The filter, the CDI extension and users' own code each build configs, clients and verifiers
 * of their own; a logout through any of them must be seen by every verifier of that realm, and a
 * rate limit seen by any of them must hold back every client. Both live as long as this class,
 * i.e. the web application that loaded the jar.
 */
public final class EndedSessionsRegistry {

    private static final ConcurrentHashMap<String, Object> SHARED = new ConcurrentHashMap<>();

    private EndedSessionsRegistry() {}

    /** The store registered under {@code settings}, created by {@code factory} on first use. */
    public static EndedSessions get(String settings, Supplier<EndedSessions> factory) {
        return get(EndedSessions.class, settings, factory);
    }

    /** The object of {@code kind} registered under {@code settings}, created by {@code factory} on first use. */
    public static <T> T get(Class<T> kind, String settings, Supplier<? extends T> factory) {
        String key = kind.getName() + '\n' + settings;
        Object existing = SHARED.get(key);
        if (existing != null) {
            return kind.cast(existing);
        }
        synchronized (SHARED) {
            // Not computeIfAbsent: a factory may take a while (joining a cluster) and may fail.
            Object again = SHARED.get(key);
            if (again != null) {
                return kind.cast(again);
            }
            T created = factory.get();
            SHARED.put(key, created);
            return created;
        }
    }
}
