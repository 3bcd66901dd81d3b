package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.config.EndedSessionsProvider;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.jcache.JCacheEndedSessions;
import io.github.lrjakarta.jcache.JCacheSharedBackOff;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;

/**
 * The stores of module {@code loginrocket-jcache} on the application's {@code @LoginRocketStore}
 * cache, as an {@link EndedSessionsProvider} that the extension installs for every factory of the
 * application. Only loaded when such a bean exists, so applications without JCache never touch
 * {@code javax.cache}. The cache is looked up on the first store built. {@link #close()} uninstalls
 * it (if still installed) and stops the stores' listeners. Thread-safe.
 */
public final class ProducedStore implements EndedSessionsProvider, AutoCloseable {

    private final BeanManager beans;
    private final Bean<?> bean;
    private final Type cacheType;
    private final List<AutoCloseable> built = new CopyOnWriteArrayList<>();

    private ProducedStore(BeanManager beans, Bean<?> bean, Type cacheType) {
        this.beans = beans;
        this.bean = bean;
        this.cacheType = cacheType;
    }

    /**
     * Installs the provider on {@code bean} for every factory of the application ({@link
     * LoginRocketFactory#useStoreProvider}).
     *
     * @return what uninstalls it and stops the stores built, or empty if the bean is no {@code javax.cache.Cache}
     */
    public static Optional<AutoCloseable> install(BeanManager beans, Bean<?> bean) {
        for (Type t : bean.getTypes()) {
            Type raw = t instanceof ParameterizedType p ? p.getRawType() : t;
            if (raw == Cache.class) {
                ProducedStore store = new ProducedStore(beans, bean, t);
                LoginRocketFactory.useStoreProvider(store);
                return Optional.of(store);
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "@LoginRocketStore " + bean.getBeanClass().getName();
    }

    @Override
    public EndedSessions create(LoginRocketConfig config) {
        return keep(JCacheEndedSessions.on(cache()));
    }

    @Override
    public SharedBackOff createSharedBackOff(LoginRocketConfig config) {
        return keep(JCacheSharedBackOff.on(cache(), config.url().root().toString()));
    }

    private <T extends AutoCloseable> T keep(T store) {
        built.add(store);
        return store;
    }

    @SuppressWarnings("unchecked")
    private Cache<String, Long> cache() {
        // keys session ids (and one back-off entry per realm), values epoch milliseconds, whatever the declared types
        return (Cache<String, Long>) beans.getReference(bean, cacheType, beans.createCreationalContext(bean));
    }

    /**
     * Uninstalls the provider, unless a later deployment of the application installed its own
     * meanwhile, and stops listening to the cache; the application stops.
     */
    @Override
    public void close() {
        LoginRocketFactory.stopUsingStoreProvider(this);
        for (AutoCloseable store : built) {
            try {
                store.close();
            } catch (Exception e) {
                System.getLogger(ProducedStore.class.getName()).log(System.Logger.Level.DEBUG,
                        "Closing a LoginRocket store failed", e);
            }
        }
        built.clear();
    }
}
