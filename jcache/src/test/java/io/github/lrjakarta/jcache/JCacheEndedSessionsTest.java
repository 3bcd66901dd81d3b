package io.github.lrjakarta.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.core.HazelcastInstance;
import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JCache store on two Hazelcast members in this JVM: what one ends, the other's mirror learns
 * through entry events, and a store started later loads.
 */
class JCacheEndedSessionsTest {

    private static final int FIRST_PORT = 5901;
    private static final String MEMBER_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    private static final String CLUSTER = "lr-jcache-test-" + UUID.randomUUID();
    private static HazelcastInstance one;
    private static HazelcastInstance two;

    @BeforeAll
    static void startMembers() {
        one = HazelcastMembers.start(CLUSTER, "lr-test-one", FIRST_PORT, 3);
        two = HazelcastMembers.start(CLUSTER, "lr-test-two", FIRST_PORT, 3);
    }

    @AfterAll
    static void stopMembers() {
        for (HazelcastInstance member : new HazelcastInstance[] {two, one}) {
            if (member != null) {
                member.shutdown();
            }
        }
    }

    /**
     * The shared cache as each member sees it. Hazelcast puts the cache manager's URI into the cache's
     * cluster-wide name, so every node must open it under the same URI: here the default one.
     */
    private static Cache<String, Long> cacheOn(HazelcastInstance member, String name) {
        if (member == one) {
            CacheManager manager = Caching.getCachingProvider(MEMBER_PROVIDER).getCacheManager(
                    null, null, HazelcastCachingProvider.propertiesByInstanceItself(one));
            Cache<String, Long> c = manager.getCache(name, String.class, Long.class);
            return c != null ? c : manager.createCache(name, new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class));
        }
        return member.getCacheManager().getCache(name);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(1); // polling recorded state, not waiting for an assumed delay
        }
    }

    @Test
    void aSessionEndedOnOneMemberIsEndedOnTheOther() throws Exception {
        Cache<String, Long> onOne = cacheOn(one, "ended-a");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(cacheOn(two, "ended-a"))) {
            a.end("kss_one", Instant.now().plus(Duration.ofHours(1)));
            assertThat(a.isEnded("kss_one")).as("at once on the node that ended it").isTrue();
            await(() -> b.isEnded("kss_one"), "the other member's mirror learns of the logout");
            assertThat(b.isEnded("kss_other")).isFalse();
        }
    }

    @Test
    void aStoreStartedLaterLoadsWhatWasEndedBefore() throws Exception {
        Cache<String, Long> onOne = cacheOn(one, "ended-b");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne)) {
            a.end("kss_early", Instant.now().plus(Duration.ofHours(1)));
            try (JCacheEndedSessions late = JCacheEndedSessions.on(cacheOn(two, "ended-b"))) {
                assertThat(late.isEnded("kss_early")).as("no waiting: loaded when it started").isTrue();
            }
        }
    }

    @Test
    void aLaterEndWinsAndAnEarlierOneDoesNotShortenIt() throws Exception {
        Cache<String, Long> onOne = cacheOn(one, "ended-c");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(cacheOn(two, "ended-c"))) {
            Instant later = Instant.now().plus(Duration.ofHours(3));
            a.end("kss_x", later);
            b.end("kss_x", Instant.now().plus(Duration.ofHours(1)));
            assertThat(onOne.get("kss_x")).isEqualTo(later.toEpochMilli());
        }
    }

    @Test
    void aRemovedEntryIsForgottenEverywhere() throws Exception {
        Cache<String, Long> onOne = cacheOn(one, "ended-d");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(cacheOn(two, "ended-d"))) {
            a.end("kss_mistake", Instant.now().plus(Duration.ofHours(1)));
            await(() -> b.isEnded("kss_mistake"), "propagated");
            onOne.remove("kss_mistake");
            await(() -> !a.isEnded("kss_mistake") && !b.isEnded("kss_mistake"),
                    "an administrator's removal propagated");
        }
    }

    @Test
    void reEndingAKnownSessionMakesNoCacheCall() {
        // The verifier re-ends a session each time one of its tokens is refused; a replayed
        // logged-out token must not cost a cluster round trip per request.
        Cache<String, Long> real = cacheOn(one, "ended-f");
        AtomicInteger cacheCalls = new AtomicInteger();
        @SuppressWarnings("unchecked")
        Cache<String, Long> counting = (Cache<String, Long>) Proxy.newProxyInstance(Cache.class.getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, args) -> {
                    if (method.getName().matches("get|put.*|replace")) {
                        cacheCalls.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (JCacheEndedSessions store = JCacheEndedSessions.on(counting)) {
            Instant until = Instant.now().plus(Duration.ofHours(1));
            store.end("kss_replayed", until);
            int afterLogout = cacheCalls.get();
            assertThat(afterLogout).as("the logout itself is shared").isPositive();
            for (int i = 0; i < 100; i++) {
                store.end("kss_replayed", until.minusSeconds(i));
            }
            assertThat(cacheCalls.get()).isEqualTo(afterLogout);
            store.end("kss_replayed", until.plusSeconds(60));
            assertThat(cacheCalls.get()).as("a longer-lived token is shared").isGreaterThan(afterLogout);
        }
    }

    @Test
    void configuredByKeysItOpensTheNamedMembersCache() {
        // Hazelcast takes a URI that is not a configuration file as the name of a running instance.
        EndedSessions store = LoginRocketFactory.of(LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of(
                        "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", MEMBER_PROVIDER,
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "lr-test-one",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_CACHE", "ended-e")))
                .build())
                .endedSessions();
        assertThat(store).isInstanceOf(JCacheEndedSessions.class);
        store.end("kss_keys", Instant.now().plus(Duration.ofHours(1)));
        assertThat(store.isEnded("kss_keys")).isTrue();
        Cache<String, Long> created = Caching.getCachingProvider(MEMBER_PROVIDER)
                .getCacheManager(URI.create("lr-test-one"), getClass().getClassLoader())
                .getCache("ended-e", String.class, Long.class);
        assertThat(created.get("kss_keys")).isNotNull();
        @SuppressWarnings("unchecked")
        CompleteConfiguration<String, Long> conf = created.getConfiguration(CompleteConfiguration.class);
        assertThat(conf.getExpiryPolicyFactory().create().getExpiryForUpdate()).as("twice the default retention of 1 d")
                .isEqualTo(new javax.cache.expiry.Duration(TimeUnit.SECONDS, 2 * 86400));
    }

    @Test
    void badSettingsNameTheirKeys() {
        assertThatThrownBy(() -> LoginRocketFactory.of(LoginRocketConfig.builder()
                        .source(ConfigSources.environment(Map.of(
                                "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache",
                                "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", "com.example.NoSuchProvider")))
                        .build()).endedSessions())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.jcache.provider='com.example.NoSuchProvider'")
                .hasMessageContaining("environment variable LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER");
        assertThatThrownBy(() -> LoginRocketFactory.of(LoginRocketConfig.builder()
                        .source(ConfigSources.environment(Map.of(
                                "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache",
                                "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", MEMBER_PROVIDER,
                                "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "not a uri")))
                        .build()).endedSessions())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.jcache.uri='not a uri'");
    }
}
