package io.github.lrjakarta.jcache;

import static io.github.lrjakarta.jcache.HazelcastMembers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.RetryPolicy;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.event.EventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit back-off shared through one JCache cache by two Hazelcast members in this JVM,
 * each with a client of its own, against one emulator: a 429 that LoginRocket gives one client
 * holds back the other without a call, and the first answered probe ends it for both.
 */
class JCacheSharedBackOffTest {

    private static final String SESSION = "/v2/session";
    private static HazelcastMembers members;
    private static LoginRocketEmulator emulator;

    @BeforeAll
    static void start() {
        members = HazelcastMembers.start("lr-backoff", 5921);
        emulator = LoginRocketEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        members.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static LoginRocketClient client(SharedBackOff backOff) {
        return LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true)
                .retryPolicy(RetryPolicy.none()).sharedBackOff(backOff).build();
    }

    @Test
    void aRateLimitOnOneNodeHoldsBackTheOtherUntilAProbeIsAnswered() throws Exception {
        Cache<String, Long> cache = members.cacheOnOne("backoff-a");
        try (JCacheSharedBackOff onOne = JCacheSharedBackOff.on(cache, emulator.url());
                JCacheSharedBackOff onTwo = JCacheSharedBackOff.on(members.cacheOnTwo("backoff-a"), emulator.url());
                LoginRocketClient a = client(onOne);
                LoginRocketClient b = client(onTwo)) {
            IssuedLogin dana = emulator.issueLogin("dana@example.org", null);
            emulator.faults().inject(SESSION, Fault.status(429).retryAfter(Duration.ofSeconds(1)).once());

            RateLimitedException onA = catchThrowableOfType(() -> a.getSession(dana.sessionId()),
                    RateLimitedException.class);
            long limitedAt = System.nanoTime();
            assertThat(onA.refusedLocally()).as("LoginRocket's own 429").isFalse();
            await(() -> onTwo.until() != null, "the other member hears of it");
            System.out.printf("FIGURE back-off shared between members: 429 on A -> B's copy after %d us%n",
                    TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - limitedAt));
            assertThat(cache.get(JCacheSharedBackOff.KEY_PREFIX + emulator.url())).isNotNull();

            int callsBefore = emulator.requestCount(SESSION);
            RateLimitedException onB = catchThrowableOfType(() -> b.getSession(dana.sessionId()),
                    RateLimitedException.class);
            assertThat(onB.refusedLocally()).isTrue();
            assertThat(onB.getMessage()).contains("rate-limited another node of this cluster");
            assertThat(onB.retryAfter()).hasValueSatisfying(w -> assertThat(w).isPositive()
                    .isLessThanOrEqualTo(Duration.ofSeconds(1)));
            assertThat(emulator.requestCount(SESSION)).as("B made no call").isEqualTo(callsBefore);

            await(() -> probed(b, dana), "B's probe once the wait has passed");
            assertThat(onTwo.until()).isNull();
            await(() -> onOne.until() == null, "the end of the episode reaches A");
            assertThat(a.getSession(dana.sessionId())).isNotNull();
            assertThat(cache.containsKey(JCacheSharedBackOff.KEY_PREFIX + emulator.url())).isFalse();
        }
    }

    /** Whether a call went through (the probe), rather than being refused locally. */
    private static boolean probed(LoginRocketClient client, IssuedLogin login) {
        try {
            client.getSession(login.sessionId());
            return true;
        } catch (RateLimitedException e) {
            assertThat(e.refusedLocally()).isTrue();
            return false;
        }
    }

    @Test
    void aNodeStartedDuringAnEpisodeJoinsIt() throws Exception {
        try (JCacheSharedBackOff onOne = JCacheSharedBackOff.on(members.cacheOnOne("backoff-b"), "https://lr.example/")) {
            Instant end = Instant.now().plusSeconds(30);
            onOne.backOff(end);
            try (JCacheSharedBackOff late = JCacheSharedBackOff.on(members.cacheOnTwo("backoff-b"), "https://lr.example/")) {
                assertThat(late.until()).as("read when it started").isEqualTo(end.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                late.backOff(end.minusSeconds(10));
                assertThat(members.cacheOnOne("backoff-b").get(JCacheSharedBackOff.KEY_PREFIX + "https://lr.example/"))
                        .as("an earlier end does not shorten the wait").isEqualTo(end.toEpochMilli());
            }
            try (JCacheSharedBackOff otherRealm = JCacheSharedBackOff.on(members.cacheOnTwo("backoff-b"), "https://other.example/")) {
                assertThat(otherRealm.until()).as("each realm backs off on its own").isNull();
            }
        }
    }

    @Test
    void aCacheSharedWithOtherDataNeitherBreaksNorMisleadsTheBackOff() {
        // a server-configured cache, shared with other applications' data, even under this realm's key
        Cache<Object, Object> shared = members.untypedCacheOnOne("backoff-shared");
        String key = JCacheSharedBackOff.KEY_PREFIX + "https://lr.example/";
        shared.put(key, "not a time");
        shared.put(42, "other data");
        @SuppressWarnings("unchecked")
        Cache<String, Long> asStore = (Cache<String, Long>) (Cache<?, ?>) shared;
        try (JCacheSharedBackOff backOff = JCacheSharedBackOff.on(asStore, "https://lr.example/")) {
            assertThat(backOff.until()).as("a value that is no time is no back-off").isNull();

            ListenerEvents.deliver(shared, EventType.CREATED, 42, "other data");
            ListenerEvents.deliver(shared, EventType.UPDATED, key, "still not a time");
            assertThat(backOff.until()).isNull();

            Instant end = Instant.parse("2026-03-01T12:00:00Z");
            ListenerEvents.deliver(shared, EventType.UPDATED, key, end.toEpochMilli());
            ListenerEvents.deliver(shared, EventType.REMOVED, 42, null);
            ListenerEvents.deliver(shared, EventType.EXPIRED, "other", null);
            assertThat(backOff.until()).as("only this realm's entry counts").isEqualTo(end);
            ListenerEvents.deliver(shared, EventType.REMOVED, key, null);
            assertThat(backOff.until()).isNull();
        }
    }

    @Test
    void configuredByTheStoreKeysTheBackOffIsSharedInTheSameCache() {
        LoginRocketFactory factory = LoginRocketFactory.of(LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of(
                        "LOGINROCKET_URL", "https://keys.example/",
                        "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", HazelcastMembers.MEMBER_PROVIDER,
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "lr-backoff-one",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_CACHE", "backoff-keys")))
                .build());
        SharedBackOff backOff = factory.sharedBackOff();
        assertThat(backOff).isInstanceOf(JCacheSharedBackOff.class).isSameAs(factory.sharedBackOff());
        Instant end = Instant.now().plusSeconds(30);
        backOff.backOff(end);
        assertThat(Caching.getCachingProvider(HazelcastMembers.MEMBER_PROVIDER)
                .getCacheManager(java.net.URI.create("lr-backoff-one"), getClass().getClassLoader())
                .getCache("backoff-keys", String.class, Long.class)
                .get(JCacheSharedBackOff.KEY_PREFIX + "https://keys.example/")).isEqualTo(end.toEpochMilli());
        backOff.resume();
        assertThat(backOff.until()).isNull();
    }

    @Test
    void theInMemoryStoreSharesNoBackOff() {
        LoginRocketFactory factory = LoginRocketFactory.of(LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of("LOGINROCKET_URL", "https://memory.example/"))).build());
        assertThat(factory.sharedBackOff()).isSameAs(SharedBackOff.none());
    }
}
