package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.EndedSessions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One ended-sessions store per realm URL and store setting, for the whole class loader.
 *
 * <p>The filter, the CDI extension and users' own code each build configs, clients and verifiers
 * of their own; a logout through any of them must be seen by every verifier of that realm. Stores
 * live as long as this class, i.e. the web application that loaded the jar.
 */
public final class EndedSessionsRegistry {

    private static final ConcurrentHashMap<String, EndedSessions> STORES = new ConcurrentHashMap<>();

    private EndedSessionsRegistry() {}

    /** The store registered under {@code settings}, created by {@code factory} on first use. */
    public static EndedSessions get(String settings, Supplier<EndedSessions> factory) {
        EndedSessions existing = STORES.get(settings);
        if (existing != null) {
            return existing;
        }
        synchronized (STORES) {
            // Not computeIfAbsent: a factory may take a while (joining a cluster) and may fail.
            EndedSessions again = STORES.get(settings);
            if (again != null) {
                return again;
            }
            EndedSessions created = factory.get();
            STORES.put(settings, created);
            return created;
        }
    }
}
