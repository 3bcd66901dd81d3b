package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.jcache.JCacheEndedSessions;
import io.github.lrjakarta.jcache.JCacheSharedBackOff;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application that sets up its cache engine in code produces the cache with {@link
 * LoginRocketStore}: its beans, the servlet filter and {@code LoginRocketFactory} all share ended
 * sessions and the rate-limit back-off through it. Here on a Hazelcast member of its own.
 */
class LoginRocketStoreTest {

    private static HazelcastInstance member;
    private static LoginRocketEmulator emulator;

    /** The application's producer, as its code would have it. */
    @ApplicationScoped
    static class StoreProducer {
        static Cache<String, Long> cache;

        @Produces
        @LoginRocketStore
        @ApplicationScoped
        Cache<String, Long> loginRocketStore() {
            return cache;
        }
    }

    @BeforeAll
    static void start() {
        System.setProperty("hazelcast.logging.type", "jdk");
        Config c = new Config();
        c.setClusterName("lr-cdi-store-" + UUID.randomUUID());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.getNetworkConfig().setPort(5931).setPortAutoIncrement(true).setPortCount(3);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        c.getJetConfig().setEnabled(false);
        member = Hazelcast.newHazelcastInstance(c);
        StoreProducer.cache = Caching.getCachingProvider("com.hazelcast.cache.HazelcastMemberCachingProvider")
                .getCacheManager(null, null, HazelcastCachingProvider.propertiesByInstanceItself(member))
                .createCache("app-store", new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
        emulator = LoginRocketEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        member.shutdown();
    }

    private static Weld weld(Map<String, String> extra) {
        return weld(extra, UUID.randomUUID().toString());
    }

    private static Weld weld(Map<String, String> extra, String containerId) {
        Map<String, String> config = new HashMap<>(Map.of("loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true"));
        config.putAll(extra);
        return new Weld(containerId).disableDiscovery()
                .addExtension(new LoginRocketExtension(TestConfig.of(config)))
                .addBeanClasses(StoreProducer.class);
    }

    @Test
    void theBeansAndEveryFactoryShareEndedSessionsAndTheBackOffThroughTheProducedCache() {
        try (WeldContainer container = weld(Map.of()).initialize()) {
            LoginRocketClient client = container.select(LoginRocketClient.class).get();
            LoginRocketTokenVerifier verifier = container.select(LoginRocketTokenVerifier.class).get();
            assertThat(client.endedSessions()).isInstanceOf(JCacheEndedSessions.class)
                    .isSameAs(verifier.endedSessions());
            LoginRocketConfig asTheFilterReadsIt = LoginRocketConfig.builder().source(TestConfig.of(Map.of(
                    "loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true"))).build();
            assertThat(LoginRocketFactory.of(asTheFilterReadsIt).endedSessions()).isSameAs(client.endedSessions());
            assertThat(LoginRocketFactory.of(asTheFilterReadsIt).sharedBackOff()).isInstanceOf(JCacheSharedBackOff.class);

            IssuedLogin dana = emulator.issueLogin("dana@example.org", null);
            client.logout(dana.sessionId());
            assertThat(StoreProducer.cache.get(dana.sessionId())).as("shared with the other nodes").isNotNull();

            emulator.faults().inject("/v2/session", Fault.status(429).retryAfter(Duration.ofSeconds(30)).once());
            IssuedLogin other = emulator.issueLogin("dana@example.org", null);
            catchThrowableOfType(() -> client.getSession(other.sessionId()), RateLimitedException.class);
            assertThat(StoreProducer.cache.get(JCacheSharedBackOff.KEY_PREFIX + client.url().root()))
                    .as("the back-off too").isNotNull();
        } finally {
            emulator.faults().clear();
        }
        LoginRocketConfig afterwards = LoginRocketConfig.builder().source(TestConfig.of(Map.of(
                "loginrocket.url", emulator.url()))).build();
        assertThat(LoginRocketFactory.of(afterwards).endedSessions()).as("uninstalled when the application stopped")
                .isNotInstanceOf(JCacheEndedSessions.class);
    }

    @Test
    void theOldDeploymentStoppingAfterTheNewOneStartedLeavesTheNewStoreInstalled() {
        LoginRocketConfig asTheFilterReadsIt = LoginRocketConfig.builder().source(TestConfig.of(Map.of(
                "loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true"))).build();
        WeldContainer old = weld(Map.of(), "old-deployment").initialize();
        try (WeldContainer redeployed = weld(Map.of(), "new-deployment").initialize()) {
            Object theNewStore = LoginRocketFactory.of(asTheFilterReadsIt).endedSessions();
            old.close();
            assertThat(LoginRocketFactory.of(asTheFilterReadsIt).endedSessions())
                    .as("the new deployment's store, still installed").isSameAs(theNewStore)
                    .isInstanceOf(JCacheEndedSessions.class);
        } finally {
            if (old.isRunning()) {
                old.close();
            }
        }
        assertThat(LoginRocketFactory.of(asTheFilterReadsIt).endedSessions()).as("uninstalled when it stopped too")
                .isNotInstanceOf(JCacheEndedSessions.class);
    }

    @Test
    void theStoreKeyAsWellFailsTheDeploymentNamingTheKey() {
        Weld weld = weld(Map.of("loginrocket.ended-sessions.store", "jcache"));
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("loginrocket.ended-sessions.store='jcache' from test")
                .hasMessageContaining("remove the key, or the code (a @LoginRocketStore producer)");
        LoginRocketConfig afterwards = LoginRocketConfig.builder().source(TestConfig.of(Map.of(
                "loginrocket.url", emulator.url()))).build();
        assertThat(LoginRocketFactory.of(afterwards).endedSessions()).isNotInstanceOf(JCacheEndedSessions.class);
    }
}
