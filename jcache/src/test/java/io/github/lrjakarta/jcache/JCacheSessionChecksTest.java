package io.github.lrjakarta.jcache;

import static io.github.lrjakarta.jcache.HazelcastMembers.await;
import static io.github.lrjakarta.jcache.HazelcastMembers.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.SessionChecks;
import io.github.lrjakarta.core.SessionRecheck;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared record of session-check claims on two Hazelcast members in this JVM: one claim, and
 * so one LoginRocket call, per session and interval for both; a node that cannot reach the cache
 * checks on its own.
 */
class JCacheSessionChecksTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    private static final long INTERVAL_MILLIS = INTERVAL.toMillis();
    private static HazelcastMembers members;

    @BeforeAll
    static void startMembers() {
        members = HazelcastMembers.start("lr-checks", 5931);
    }

    @AfterAll
    static void stopMembers() {
        members.close();
    }

    @Test
    void ofTwoMembersOneWinsEachIntervalAndAHeldClaimCostsNoCacheCall() {
        AtomicInteger cacheCalls = new AtomicInteger();
        SessionChecks onOne = JCacheSessionChecks.on(counting(members.cacheOnOne("checks-a"), cacheCalls, false));
        SessionChecks onTwo = JCacheSessionChecks.on(members.cacheOnTwo("checks-a"));

        assertThat(onOne.claim("kss_a", NOW, NOW + INTERVAL_MILLIS)).isTrue();
        assertThat(onTwo.claim("kss_a", NOW + 1000, NOW + 1000 + INTERVAL_MILLIS)).isFalse();
        int afterClaim = cacheCalls.get();
        for (int i = 0; i < 100; i++) {
            assertThat(onOne.claim("kss_a", NOW + i * 1000L, NOW + i * 1000L + INTERVAL_MILLIS)).isFalse();
        }
        assertThat(cacheCalls.get()).as("answered locally while the claim holds").isEqualTo(afterClaim);

        long due = NOW + INTERVAL_MILLIS;
        assertThat(onOne.claim("kss_a", due, due + INTERVAL_MILLIS)).as("the next interval's claim").isTrue();
        long tried = due + 1000;
        assertThat(onTwo.claim("kss_a", tried, tried + INTERVAL_MILLIS)).isFalse();

        long idle = due + INTERVAL_MILLIS + 1000; // member one made no request meanwhile
        assertThat(onTwo.claim("kss_a", idle, idle + INTERVAL_MILLIS)).as("whichever member sees it due first").isTrue();
        assertThat(onOne.claim("kss_a", idle, idle + INTERVAL_MILLIS)).isFalse();
    }

    @Test
    void aNodeThatCannotReachTheCacheChecksOnItsOwn() {
        AtomicInteger cacheCalls = new AtomicInteger();
        SessionChecks cut = JCacheSessionChecks.on(counting(members.cacheOnOne("checks-b"), cacheCalls, true));
        assertThat(cut.claim("kss_b", NOW, NOW + INTERVAL_MILLIS)).isTrue();
        assertThat(cut.claim("kss_b", NOW, NOW + INTERVAL_MILLIS)).as("its own claim holds").isFalse();
        assertThat(cacheCalls.get()).isEqualTo(1);
    }

    @Test
    void twoNodesRecheckingOneSessionMakeOneLoginRocketCallPerInterval() throws Exception {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JCacheEndedSessions endedOnOne = JCacheEndedSessions.on(members.cacheOnOne("ended-checks-c"));
                JCacheEndedSessions endedOnTwo = JCacheEndedSessions.on(members.cacheOnTwo("ended-checks-c"));
                LoginRocketClient clientOne = client(emulator, endedOnOne);
                LoginRocketClient clientTwo = client(emulator, endedOnTwo)) {
            SessionRecheck nodeOne = SessionRecheck.builder().client(clientOne).interval(INTERVAL).clock(emulator.clock())
                    .sessionChecks(JCacheSessionChecks.on(members.cacheOnOne("checks-c"))).build();
            SessionRecheck nodeTwo = SessionRecheck.builder().client(clientTwo).interval(INTERVAL).clock(emulator.clock())
                    .sessionChecks(JCacheSessionChecks.on(members.cacheOnTwo("checks-c"))).build();
            IssuedLogin dana = emulator.issueLogin("dana@example.org", null);
            LoginRocketSession session = LoginRocketTokenVerifier.builder().jwks(LoginRocketUrl.parse(emulator.url(), true))
                    .clock(emulator.clock()).build().verify(dana.token()).sessionOrThrow();

            assertThat(nodeOne.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
            assertThat(nodeTwo.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);

            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/logout?session="
                    + URLEncoder.encode(dana.sessionId(), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.discarding());
            emulator.clock().advance(INTERVAL);
            assertThat(nodeTwo.check(session)).isEqualTo(SessionRecheck.Outcome.ENDED);
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(2);
            await(() -> endedOnOne.isEnded(dana.sessionId()), "node one learns of the end through the cache");
            assertThat(nodeOne.check(session)).isEqualTo(SessionRecheck.Outcome.ENDED);
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(2);
        }
    }

    private static LoginRocketClient client(LoginRocketEmulator emulator, JCacheEndedSessions ended) {
        return LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).endedSessions(ended).build();
    }

    @Test
    void configuredByKeysItOpensTheChecksCacheWithTwiceTheIntervalAsExpiry() {
        SessionChecks checks = LoginRocketFactory.of(LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of(
                        "LOGINROCKET_URL", "https://sample.e2.loginrocket.com",
                        "LOGINROCKET_SESSION_RECHECK_INTERVAL", "10m",
                        "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_PROVIDER", HazelcastMembers.MEMBER_PROVIDER,
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_URI", "lr-checks-one",
                        "LOGINROCKET_ENDED_SESSIONS_JCACHE_CHECKS_CACHE", "checks-d")))
                .build())
                .sessionChecks();
        assertThat(checks).isInstanceOf(JCacheSessionChecks.class);
        assertThat(checks.claim("kss_keys", NOW, NOW + INTERVAL_MILLIS)).isTrue();
        Cache<String, Long> created = Caching.getCachingProvider(HazelcastMembers.MEMBER_PROVIDER)
                .getCacheManager(URI.create("lr-checks-one"), getClass().getClassLoader())
                .getCache("checks-d", String.class, Long.class);
        assertThat(created.get("kss_keys")).isEqualTo(NOW + INTERVAL_MILLIS);
        @SuppressWarnings("unchecked")
        CompleteConfiguration<String, Long> conf = created.getConfiguration(CompleteConfiguration.class);
        assertThat(conf.getExpiryPolicyFactory().create().getExpiryForUpdate())
                .isEqualTo(new javax.cache.expiry.Duration(TimeUnit.SECONDS, 20 * 60));
    }
}
