package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.SessionChecks;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One ended-sessions store, and one session-check record, per realm URL and store setting, for the
 * whole class loader.
 *
 * <p>The filter, the CDI extension and users' own code each build configs, clients and verifiers
 * of their own; a logout through any of them must be seen by every verifier of that realm. Stores
 * live as long as this class, i.e. the web application that loaded the jar.
 */
public final class EndedSessionsRegistry {

    private static final ConcurrentHashMap<String, Object> STORES = new ConcurrentHashMap<>();

    private EndedSessionsRegistry() {}

    /** The store registered under {@code settings}, created by {@code factory} on first use. */
    public static EndedSessions get(String settings, Supplier<EndedSessions> factory) {
        return EndedSessions.class.cast(getOrCreate("ended:" + settings, factory));
    }

    /** The session-check record registered under {@code settings}, created by {@code factory} on first use. */
    public static SessionChecks checks(String settings, Supplier<SessionChecks> factory) {
        return SessionChecks.class.cast(getOrCreate("checks:" + settings, factory));
    }

    private static Object getOrCreate(String key, Supplier<?> factory) {
        Object existing = STORES.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (STORES) {
            // Not computeIfAbsent: a factory may take a while (joining a cluster) and may fail.
            Object again = STORES.get(key);
            if (again != null) {
                return again;
            }
            Object created = factory.get();
            STORES.put(key, created);
            return created;
        }
    }
}
