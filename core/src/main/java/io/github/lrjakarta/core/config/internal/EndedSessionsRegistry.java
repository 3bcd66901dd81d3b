package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.config.EndedSessionsProvider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One ended-sessions store, one shared rate-limit back-off and one session-check record per realm URL and store setting,
 * for the whole class loader.
 *
 * <p>The filter, the CDI extension and users' own code each build configs, clients and verifiers
 * of their own; a logout through any of them must be seen by every verifier of that realm, and a
 * rate limit seen by any of them must hold back every client. Both live as long as this class,
 * i.e. the web application that loaded the jar.
 */
public final class EndedSessionsRegistry {

    private static final ConcurrentHashMap<String, Object> SHARED = new ConcurrentHashMap<>();
    private static final AtomicLong INSTALLS = new AtomicLong();
    private static volatile InCode inCode;

    private EndedSessionsRegistry() {}

    /**
     * A provider set up in code, in place of the one {@code ended-sessions.store} names.
     *
     * @param provider the provider
     * @param installation tells this installation's stores from those of earlier ones (a redeployment)
     */
    public record InCode(EndedSessionsProvider provider, long installation) {}

    /** Installs {@code provider} for every config built from now on; null uninstalls. */
    public static synchronized void installInCode(EndedSessionsProvider provider) {
        inCode = provider == null ? null : new InCode(provider, INSTALLS.incrementAndGet());
    }

    /**
     * Uninstalls {@code provider} if it is still the one installed, and leaves one installed after it.
     *
     * @return whether it was installed
     */
    public static synchronized boolean uninstallInCode(EndedSessionsProvider provider) {
        InCode installed = inCode;
        if (installed == null || installed.provider() != provider) {
            return false;
        }
        inCode = null;
        return true;
    }

    /** The provider installed in code, or null. */
    public static InCode inCode() {
        return inCode;
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
