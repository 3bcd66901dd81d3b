package io.github.lrjakarta.jcache;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.SessionChecks;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.config.EndedSessionsProvider;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * {@code loginrocket.ended-sessions.store=jcache}: a {@link JCacheEndedSessions} on a cache found
 * through the JCache API, and a {@link JCacheSharedBackOff} in the same cache, so that the rate-limit
 * back-off is the cluster's too.
 *
 * <ul>
 *   <li>{@code ended-sessions.jcache.provider}: the {@code CachingProvider} class, e.g. {@code
 *       com.hazelcast.cache.HazelcastMemberCachingProvider}; default: the only one on the class path.
 *   <li>{@code ended-sessions.jcache.uri}: the cache manager's URI, whose meaning is the
 *       provider's (Hazelcast and Infinispan take a configuration file, {@code classpath:…} or
 *       {@code file:…}); default: the provider's default manager.
 *   <li>{@code ended-sessions.jcache.cache}: the cache; default {@code loginrocket-ended-sessions}.
 *       If the manager has none of that name it is created for {@code String}/{@code Long} with
 *       entries expiring twice {@code ended-sessions.retention} after their last write.
 *   <li>{@code ended-sessions.jcache.checks-cache}: the cache of session-check claims ({@link
 *       JCacheSessionChecks}, used with {@code session-recheck-interval}); default {@code
 *       loginrocket-session-checks}, created like the other with entries expiring twice the interval
 *       after their last write.
 * </ul>
 *
 * <p>Every failure is a {@link io.github.lrjakarta.core.config.LoginRocketConfigException} naming
 * the key to fix, raised when the filter or the CDI extension starts.
 *
 * @since 0.2
 */
public final class JCacheEndedSessionsProvider implements EndedSessionsProvider {

    /** Public for {@link java.util.ServiceLoader}. */
    public JCacheEndedSessionsProvider() {}

    @Override
    public String name() {
        return "jcache";
    }

    @Override
    public EndedSessions create(LoginRocketConfig config) {
        return JCacheEndedSessions.builder(endedSessionsCache(config))
                .maxEntries(config.getInt(LoginRocketKeys.ENDED_SESSIONS_MAX_ENTRIES))
                .build();
    }

    /** A {@link JCacheSharedBackOff} of the realm {@code url} names, in the same cache as the ended sessions. */
    @Override
    public SharedBackOff createSharedBackOff(LoginRocketConfig config) {
        return JCacheSharedBackOff.on(endedSessionsCache(config), config.url().root().toString());
    }

    private static Cache<String, Long> endedSessionsCache(LoginRocketConfig config) {
        Duration retention = config.getDuration(LoginRocketKeys.ENDED_SESSIONS_RETENTION);
        return open(config, LoginRocketKeys.ENDED_SESSIONS_JCACHE_CACHE, retention.multipliedBy(2));
    }

    /**
     * The record of session-check claims, on the cache {@code ended-sessions.jcache.checks-cache} of
     * the same cache manager; if the manager has none of that name it is created with entries
     * expiring twice {@code session-recheck-interval} (at least a minute) after their last write.
     */
    @Override
    public SessionChecks createSessionChecks(LoginRocketConfig config) {
        Duration interval = config.sessionRecheckInterval().orElse(Duration.ofMinutes(15));
        Duration expiry = interval.multipliedBy(2).compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : interval.multipliedBy(2);
        Cache<String, Long> cache = open(config, LoginRocketKeys.ENDED_SESSIONS_JCACHE_CHECKS_CACHE, expiry);
        return JCacheSessionChecks.on(cache, config.getInt(LoginRocketKeys.ENDED_SESSIONS_MAX_ENTRIES));
    }

    /** The cache named by {@code nameKey} of the configured manager, created with {@code expiry} if missing. */
    private static Cache<String, Long> open(LoginRocketConfig config, String nameKey, Duration expiry) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = JCacheEndedSessionsProvider.class.getClassLoader();
        }
        CachingProvider provider = provider(config, loader);
        URI uri = config.optional(LoginRocketKeys.ENDED_SESSIONS_JCACHE_URI, JCacheEndedSessionsProvider::uri)
                .orElse(provider.getDefaultURI());
        CacheManager manager;
        try {
            manager = provider.getCacheManager(uri, loader);
        } catch (RuntimeException e) {
            throw config.invalid(LoginRocketKeys.ENDED_SESSIONS_JCACHE_URI,
                    "the JCache provider " + provider.getClass().getName() + " could not open its cache manager at "
                            + uri + ": " + e);
        }
        String name = config.getString(nameKey);
        try {
            return cache(manager, name, expiry);
        } catch (RuntimeException e) {
            throw config.invalid(nameKey, "the cache could not be opened or created for String keys and Long values: " + e);
        }
    }

    private static CachingProvider provider(LoginRocketConfig config, ClassLoader loader) {
        String className = config.optionalString(LoginRocketKeys.ENDED_SESSIONS_JCACHE_PROVIDER).orElse(null);
        try {
            return className == null ? Caching.getCachingProvider(loader) : Caching.getCachingProvider(className, loader);
        } catch (CacheException e) {
            throw config.invalid(LoginRocketKeys.ENDED_SESSIONS_JCACHE_PROVIDER, className == null
                    ? "expected the class name of the JCache CachingProvider to use, since there is not exactly one"
                            + " on the class path (" + e.getMessage() + ")"
                    : "expected a JCache CachingProvider class on the class path: " + e.getMessage());
        }
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected a URI (e.g. classpath:hazelcast.xml): " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Cache<String, Long> cache(CacheManager manager, String name, Duration expiry) {
        Cache<String, Long> cache = existing(manager, name);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, Long> conf = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, expiry.toSeconds())));
        try {
            return manager.createCache(name, conf);
        } catch (CacheException e) {
            // another node created it meanwhile
            cache = existing(manager, name);
            if (cache == null) {
                throw e;
            }
            return cache;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Cache<String, Long> existing(CacheManager manager, String name) {
        try {
            return manager.getCache(name, String.class, Long.class);
        } catch (IllegalArgumentException | ClassCastException e) {
            // configured without types (common in server configuration): the values are ours anyway
            return (Cache) manager.getCache(name);
        }
    }
}
