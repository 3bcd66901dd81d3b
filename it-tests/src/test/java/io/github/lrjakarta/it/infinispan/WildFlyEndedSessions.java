package io.github.lrjakarta.it.infinispan;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.config.EndedSessionsProvider;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import io.github.lrjakarta.jcache.JCacheEndedSessions;
import java.net.URI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.infinispan.jcache.embedded.JCacheManager;
import org.infinispan.jcache.embedded.JCachingProvider;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Step 3 of README's "WildFly: the server's own Infinispan", as a user copies it: the ended sessions in a cache of
 * the server's container {@code loginrocket}. Selected by
 * {@code loginrocket.ended-sessions.store=wildfly}, registered in the WAR's {@code META-INF/services}.
 */
public class WildFlyEndedSessions implements EndedSessionsProvider {

    @Override
    public String name() {
        return "wildfly";
    }

    @Override
    public EndedSessions create(LoginRocketConfig config) {
        return JCacheEndedSessions.on(manager(config).getCache("loginrocket-ended-sessions"));
    }

    private static CacheManager manager(LoginRocketConfig config) {
        try {
            EmbeddedCacheManager container = InitialContext.doLookup("java:jboss/infinispan/container/loginrocket");
            CachingProvider provider = Caching.getCachingProvider(JCachingProvider.class.getName());
            return new JCacheManager(URI.create("loginrocket"), container, provider);
        } catch (NamingException e) {
            throw config.invalid(LoginRocketKeys.ENDED_SESSIONS_STORE, "no Infinispan container loginrocket: " + e);
        }
    }
}
