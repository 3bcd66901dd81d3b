package io.github.lrjakarta.jcache;

import static io.github.lrjakarta.jcache.HazelcastMembers.await;
import static io.github.lrjakarta.jcache.HazelcastMembers.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.event.EventType;
import javax.cache.configuration.CompleteConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JCache store on two Hazelcast members in this JVM: what one ends, the other's mirror learns
 * through entry events, and a store started later loads.
 */
class JCacheEndedSessionsTest {

    private static HazelcastMembers members;

    @BeforeAll
    static void startMembers() {
        members = HazelcastMembers.start("lr-test", 5901);
    }

    @AfterAll
    static void stopMembers() {
        members.close();
    }

    @Test
    void aSessionEndedOnOneMemberIsEndedOnTheOther() throws Exception {
        Cache<String, Long> onOne = members.cacheOnOne("ended-a");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(members.cacheOnTwo("ended-a"))) {
            a.end("kss_one", Instant.now().plus(Duration.ofHours(1)));
            assertThat(a.isEnded("kss_one")).as("at once on the node that ended it").isTrue();
            await(() -> b.isEnded("kss_one"), "the other member's mirror learns of the logout");
            assertThat(b.isEnded("kss_other")).isFalse();
        }
    }

    @Test
    void aStoreStartedLaterLoadsWhatWasEndedBefore() throws Exception {
        Cache<String, Long> onOne = members.cacheOnOne("ended-b");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne)) {
            a.end("kss_early", Instant.now().plus(Duration.ofHours(1)));
            try (JCacheEndedSessions late = JCacheEndedSessions.on(members.cacheOnTwo("ended-b"))) {
                assertThat(late.isEnded("kss_early")).as("no waiting: loaded when it started").isTrue();
            }
        }
    }

    @Test
    void aLaterEndWinsAndAnEarlierOneDoesNotShortenIt() throws Exception {
        Cache<String, Long> onOne = members.cacheOnOne("ended-c");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(members.cacheOnTwo("ended-c"))) {
            Instant later = Instant.now().plus(Duration.ofHours(3));
            a.end("kss_x", later);
            b.end("kss_x", Instant.now().plus(Duration.ofHours(1)));
            assertThat(onOne.get("kss_x")).isEqualTo(later.toEpochMilli());
        }
    }

    @Test
    void aRemovedEntryIsForgottenEverywhere() throws Exception {
        Cache<String, Long> onOne = members.cacheOnOne("ended-d");
        try (JCacheEndedSessions a = JCacheEndedSessions.on(onOne);
                JCacheEndedSessions b = JCacheEndedSessions.on(members.cacheOnTwo("ended-d"))) {
            a.end("kss_mistake", Instant.now().plus(Duration.ofHours(1)));
            await(() -> b.isEnded("kss_mistake"), "propagated");
            onOne.remove("kss_mistake");
            await(() -> !a.isEnded("kss_mistake") && !b.isEnded("kss_mistake"),
                    "an administrator's removal propagated");
        }
    }

    @Test
    void aCacheSharedWithOtherDataNeitherBreaksNorFillsTheMirror() {
        // a server-configured cache, shared with other applications' data
        Cache<Object, Object> shared = members.untypedCacheOnOne("ended-shared");
        shared.put(42, "other data");
        shared.put("other-key", "other data");
        @SuppressWarnings("unchecked")
        Cache<String, Long> asStore = (Cache<String, Long>) (Cache<?, ?>) shared;
        try (JCacheEndedSessions store = JCacheEndedSessions.on(asStore)) {
            assertThat(store.mirrorSize()).as("nothing of theirs loaded").isZero();

            long later = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
            ListenerEvents.deliver(shared, EventType.CREATED, 7, later);
            ListenerEvents.deliver(shared, EventType.UPDATED, "other-key", "changed");
            ListenerEvents.deliver(shared, EventType.CREATED, JCacheSharedBackOff.KEY_PREFIX + "https://lr.example/", later);
            ListenerEvents.deliver(shared, EventType.REMOVED, 42, null);
            ListenerEvents.deliver(shared, EventType.EXPIRED, 43, null);
            assertThat(store.mirrorSize()).as("no session of ours among them").isZero();

            ListenerEvents.deliver(shared, EventType.CREATED, "kss_ours", later);
            assertThat(store.isEnded("kss_ours")).isTrue();
        }
    }

    @Test
    void reEndingAKnownSessionMakesNoCacheCall() {
        // The verifier re-ends a session each time one of its tokens is refused; a replayed
        // logged-out token must not cost a cluster round trip per request.
        AtomicInteger cacheCalls = new AtomicInteger();
        Cache<String, Long> counting = counting(members.cacheOnOne("ended-f"), cacheCalls, false);
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
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", HazelcastMembers.MEMBER_PROVIDER,
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "lr-test-one",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_CACHE", "ended-e")))
                .build())
                .endedSessions();
        assertThat(store).isInstanceOf(JCacheEndedSessions.class);
        store.end("kss_keys", Instant.now().plus(Duration.ofHours(1)));
        assertThat(store.isEnded("kss_keys")).isTrue();
        Cache<String, Long> created = Caching.getCachingProvider(HazelcastMembers.MEMBER_PROVIDER)
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
                                "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", HazelcastMembers.MEMBER_PROVIDER,
                                "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "not a uri")))
                        .build()).endedSessions())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.jcache.uri='not a uri'");
    }
}
