package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.internal.UserAgents;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.NetworkFaults;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens minted by the testkit emulator, keys served by its /connect/jwks. */
class TokenVerifierEmulatorTest {

    private static final String JWKS = "/connect/jwks";
    private LoginRocketEmulator emulator;
    /** The verifier's monotonic ticker: the key-set throttle runs on it, not on the claims clock. */
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() {
        emulator = LoginRocketEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private LoginRocketTokenVerifier.Builder verifierFor(LoginRocketEmulator e) {
        return LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(e.url(), true))
                .clock(e.clock())
                .ticker(nanos::get);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void emulatorTokensVerifyAndMapToTheSession() {
        LoginRocketTokenVerifier v = verifierFor(emulator).realm(emulator.realmId()).build();
        TokenVerification r = v.verify(emulator.issueToken("dana@example.org"));
        assertThat(r.isValid()).as(r.detail()).isTrue();
        LoginRocketSession s = r.sessionOrThrow();
        assertThat(s.sessionId()).startsWith("kss_");
        assertThat(s.realmId()).isEqualTo(emulator.realmId());
        assertThat(s.user().id()).isEqualTo(emulator.userId("dana@example.org"));
        assertThat(s.user().email()).contains("dana@example.org");
        assertThat(s.user().username()).contains("DanaR");
        assertThat(s.user().givenName()).contains("Dana");
        assertThat(s.user().locale()).contains("en");
        assertThat(s.selectedMembership()).hasValueSatisfying(m -> {
            assertThat(m.orgName()).contains("Rivera Labs");
            assertThat(m.orgId()).isEqualTo(emulator.orgId("Rivera Labs"));
        });
        assertThat(s.hasPermission("admin")).isTrue();
        assertThat(s.hasPermission("read")).isFalse();
        assertThat(s.expiresAt()).isAfter(s.issuedAt());

        LoginRocketSession sam = v.verify(emulator.issueToken("sam@example.org")).sessionOrThrow();
        assertThat(sam.hasPermission("read")).isTrue();
        assertThat(sam.user().locale()).contains("es");
        assertThat(emulator.requestCount(JWKS)).isEqualTo(1);
    }

    @Test
    void anotherEmulatorsTokensDoNotVerify() {
        try (LoginRocketEmulator other = LoginRocketEmulator.start();
                LoginRocketEmulator sameKid = LoginRocketEmulator.builder()
                        .signingKey(TestTokens.OTHER_KEY, emulator.signingKeyId()).start()) {
            LoginRocketTokenVerifier v = verifierFor(emulator).build();
            assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
            TokenVerification foreign = v.verify(other.issueToken("dana@example.org"));
            assertThat(foreign.failure()).isIn(TokenFailure.UNKNOWN_KEY, TokenFailure.BAD_SIGNATURE);
            // same kid, different key pair: only the signature can tell them apart
            assertThat(v.verify(sameKid.issueToken("dana@example.org")).failure()).isEqualTo(TokenFailure.BAD_SIGNATURE);
            // and a realm pin rejects even a correctly signed token of another realm's id
            LoginRocketTokenVerifier pinned = verifierFor(emulator).realm("rl_someone_else").build();
            assertThat(pinned.verify(emulator.issueToken("dana@example.org")).failure())
                    .isEqualTo(TokenFailure.WRONG_REALM);
        }
    }

    @Test
    void keyRotationIsPickedUpAndTheWithdrawnKeyStopsVerifying() throws Exception {
        LoginRocketTokenVerifier v = verifierFor(emulator).cacheSize(0).keyRefetchInterval(Duration.ofSeconds(2)).build();
        String before = emulator.issueToken("dana@example.org");
        assertThat(v.verify(before).isValid()).isTrue();
        emulator.rotateSigningKey();
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).as("first refetch").isTrue();
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);

        String oldKid = emulator.signingKeyId();
        String newKid = emulator.rotateSigningKey();
        assertThat(newKid).isNotEqualTo(oldKid);
        String after = emulator.issueToken("dana@example.org");

        // within the refetch interval of that refetch the new kid is unknown: the throttle holds
        TokenVerification throttled = v.verify(after);
        assertThat(throttled.failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
        assertThat(throttled.detail()).contains("keyRefetchInterval");
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);

        advance(Duration.ofMillis(1_999));
        assertThat(v.verify(after).failure()).as("still within the interval").isEqualTo(TokenFailure.UNKNOWN_KEY);
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);
        advance(Duration.ofMillis(1));
        String fresh = emulator.issueToken("dana@example.org");
        assertThat(v.verify(fresh).isValid()).isTrue();
        assertThat(emulator.requestCount(JWKS)).isEqualTo(3);
        assertThat(v.verify(before).failure()).as("old kid withdrawn from the key set").isEqualTo(TokenFailure.UNKNOWN_KEY);
    }

    @Test
    void rotationIsPickedUpAtOnceWhenTheLastFetchIsOldEnough() throws Exception {
        LoginRocketTokenVerifier v = verifierFor(emulator).keyRefetchInterval(Duration.ofMillis(300)).build();
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
        advance(Duration.ofMillis(400));
        emulator.rotateSigningKey();
        assertThat(v.verify(emulator.issueToken("sam@example.org")).isValid()).isTrue();
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);
    }

    @Test
    void aKeyRotatedRightAfterTheFirstFetchIsPickedUpAtOnce() {
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
        advance(Duration.ofSeconds(5)); // well within the default 30 s keyRefetchInterval

        emulator.rotateSigningKey();
        TokenVerification afterRotation = v.verify(emulator.issueToken("dana@example.org"));

        assertThat(afterRotation.isValid()).as(afterRotation.detail()).isTrue();
        assertThat(emulator.requestCount(JWKS)).as("the first fetch and one refetch").isEqualTo(2);
    }

    @Test
    void forgedKidsAfterTheFirstFetchCostOneRefetchPerInterval() {
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
        String payload = TestTokens.claims(emulator.clock().instant()).build().toString();
        for (int interval = 1; interval <= 3; interval++) {
            for (int i = 0; i < 200; i++) {
                String forged = TestTokens.rs256(TestTokens.rs256Header("kid-" + UUID.randomUUID()), payload,
                        TestTokens.KEY.getPrivate());
                assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
            }
            assertThat(emulator.requestCount(JWKS)).as("interval %d", interval).isEqualTo(1 + interval);
            advance(LoginRocketTokenVerifier.DEFAULT_KEY_REFETCH_INTERVAL.minusMillis(1));
            String late = TestTokens.rs256(TestTokens.rs256Header("kid-late"), payload, TestTokens.KEY.getPrivate());
            assertThat(v.verify(late).detail()).contains("not refetched");
            assertThat(emulator.requestCount(JWKS)).isEqualTo(1 + interval);
            advance(Duration.ofMillis(1));
        }
    }

    @Test
    void floodOfForgedKidsFromAColdStartCostsTwoKeySetFetches() {
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        String payload = TestTokens.claims(emulator.clock().instant()).build().toString();
        for (int i = 0; i < 1_000; i++) {
            String forged = TestTokens.rs256(TestTokens.rs256Header("kid-" + UUID.randomUUID()), payload,
                    TestTokens.KEY.getPrivate());
            assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
        }
        assertThat(emulator.requestCount(JWKS)).as("the first fetch and one refetch").isEqualTo(2);
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);
    }

    @Test
    void concurrentFirstUseFetchesOnce() throws Exception {
        emulator.faults().inject(JWKS, Fault.delay(Duration.ofMillis(400)).once());
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(emulator.issueToken(i % 2 == 0 ? "dana@example.org" : "sam@example.org"));
        }
        List<TokenVerification> results = runConcurrently(tokens, v);
        assertThat(results).allSatisfy(r -> assertThat(r.isValid()).as(r.detail()).isTrue());
        assertThat(emulator.requestCount(JWKS)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithANewKidFetchOnce() throws Exception {
        LoginRocketTokenVerifier v = verifierFor(emulator).keyRefetchInterval(Duration.ofMillis(300)).build();
        assertThat(v.verify(emulator.issueToken("dana@example.org")).isValid()).isTrue();
        advance(Duration.ofMillis(400));
        emulator.rotateSigningKey();
        emulator.faults().inject(JWKS, Fault.delay(Duration.ofMillis(400)).once());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(emulator.issueToken("dana@example.org"));
        }
        assertThat(runConcurrently(tokens, v)).allSatisfy(r -> assertThat(r.isValid()).as(r.detail()).isTrue());
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);
    }

    @Test
    void aFailedFetchDoesNotPoisonTheCache() throws Exception {
        LoginRocketTokenVerifier v = verifierFor(emulator).cacheSize(0).keyRefetchInterval(Duration.ofMillis(300)).build();
        String good = emulator.issueToken("dana@example.org");
        assertThat(v.verify(good).isValid()).isTrue();

        advance(Duration.ofMillis(400));
        emulator.faults().inject(JWKS, Fault.status(503).always());
        String forged = TestTokens.rs256(TestTokens.rs256Header("kid-unknown"),
                TestTokens.claims(emulator.clock().instant()).build().toString(), TestTokens.KEY.getPrivate());
        TokenVerification r = v.verify(forged);
        assertThat(r.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(r.detail()).contains("503");
        assertThat(v.verify(good).isValid()).as("known key still cached").isTrue();
    }

    @Test
    void keysUnavailableAtStartRecoverAfterTheShortFailurePause() throws Exception {
        emulator.faults().inject(JWKS, Fault.status(500).once());
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        String token = emulator.issueToken("dana@example.org");
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(v.verify(token).failure()).as("retry paused").isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(emulator.requestCount(JWKS)).isEqualTo(1);
        advance(Duration.ofMillis(999));
        assertThat(v.verify(token).failure()).as("still paused").isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(emulator.requestCount(JWKS)).isEqualTo(1);
        advance(Duration.ofMillis(1)); // a failure pauses 1 s, not the 30 s refetch interval
        assertThat(v.verify(token).isValid()).isTrue();
        assertThat(emulator.requestCount(JWKS)).isEqualTo(2);
    }

    @Test
    void malformedKeySetBodiesAreKeysUnavailable() throws Exception {
        // after a failure the next attempt waits min(interval, 1 s): 200 ms here
        LoginRocketTokenVerifier v = verifierFor(emulator).keyRefetchInterval(Duration.ofMillis(200)).build();
        String token = emulator.issueToken("dana@example.org");
        emulator.faults().inject(JWKS, Fault.malformedBody().once());
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        advance(Duration.ofMillis(250));
        emulator.faults().inject(JWKS, Fault.truncatedBody().once());
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        advance(Duration.ofMillis(250));
        emulator.faults().inject(JWKS, Fault.dropConnection().always());
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        emulator.faults().clear(JWKS);
        advance(Duration.ofMillis(250));
        assertThat(v.verify(token).isValid()).isTrue();
    }

    @Test
    void slowKeySetHitsTheFetchTimeout() {
        emulator.faults().inject(JWKS, Fault.delay(Duration.ofSeconds(3)).once());
        LoginRocketTokenVerifier v = verifierFor(emulator).keyFetchTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        TokenVerification r = v.verify(emulator.issueToken("dana@example.org"));
        assertThat(r.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(r.detail()).contains("keyFetchTimeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aTricklingKeySetHitsTheFetchTimeout() {
        emulator.faults().inject(JWKS, Fault.trickle(Duration.ofMillis(100)).once());
        LoginRocketTokenVerifier v = verifierFor(emulator).keyFetchTimeout(Duration.ofMillis(300)).build();
        TokenVerification r = v.verify(emulator.issueToken("dana@example.org"));
        assertThat(r.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(r.detail()).contains("no complete response within 300 ms (keyFetchTimeout)");
    }

    @Test
    void theKeySetIsFetchedThroughTheJvmsProxy() {
        try (JvmProxy ignored = JvmProxy.through(emulator.url())) {
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwksUri(URI.create(NetworkFaults.refusedUrl() + JWKS)) // nothing listens there
                    .allowInsecureLoopback(true)
                    .clock(emulator.clock())
                    .build();
            TokenVerification r = v.verify(emulator.issueToken("dana@example.org"));
            assertThat(r.isValid()).as(r.detail()).isTrue();
            assertThat(emulator.requestCount(JWKS)).isEqualTo(1);
        }
    }

    @Test
    void keySetRequestsAcceptJsonAndNameTheLibraryVersion() {
        LoginRocketTokenVerifier v = verifierFor(emulator).build();
        v.verify(emulator.issueToken("dana@example.org"));
        assertThat(emulator.requests()).filteredOn(r -> r.path().equals(JWKS)).singleElement().satisfies(r -> {
            assertThat(r.header("Accept")).contains("application/json");
            assertThat(r.header("User-Agent")).contains("loginrocket-jakarta/" + UserAgents.version() + " (jwks)");
        });
        assertThat(UserAgents.version()).as("the build-filtered version").isNotEqualTo("unknown");
    }

    @Test
    void httpsEmulatorNeedsItsSslContext() {
        try (LoginRocketEmulator tls = LoginRocketEmulator.builder().tls(true).start()) {
            assertThat(tls.url()).startsWith("https://");
            String token = tls.issueToken("dana@example.org");
            // a generous fetch timeout: a TLS handshake on a loaded 2-core machine took longer than the 5 s default
            LoginRocketTokenVerifier trusting = verifierFor(tls).sslContext(tls.clientSslContext())
                    .keyFetchTimeout(Duration.ofSeconds(30)).build();
            assertThat(trusting.verify(token).isValid()).isTrue();
            TokenVerification untrusted = verifierFor(tls).build().verify(token);
            assertThat(untrusted.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        }
    }

    @Test
    void keysFetchedWithAClientFailCleanlyOnceTheClientIsClosed() {
        LoginRocketClient client = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build();
        LoginRocketTokenVerifier v = verifierFor(emulator).fetchKeysWith(client).build();
        client.close();
        TokenVerification r = v.verify(emulator.issueToken("dana@example.org"));
        assertThat(r.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(r.detail()).contains("LoginRocketClient", "closed");
        assertThat(emulator.requestCount(JWKS)).isZero();
    }

    @Test
    void aVerifierFetchingKeysWithAClientRefusesTlsSettingsOfItsOwn() throws Exception {
        try (LoginRocketClient client = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build()) {
            assertThatThrownBy(() -> verifierFor(emulator).fetchKeysWith(client).sslContext(javax.net.ssl.SSLContext.getDefault()).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("set sslContext and httpClientCustomizer on the client's builder");
            assertThatThrownBy(() -> verifierFor(emulator).fetchKeysWith(client).httpClientCustomizer(b -> {}).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<TokenVerification> runConcurrently(List<String> tokens, LoginRocketTokenVerifier v)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TokenVerification>> futures = new ArrayList<>();
            for (String t : tokens) {
                Callable<TokenVerification> task = () -> {
                    go.await();
                    return v.verify(t);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<TokenVerification> out = new ArrayList<>();
            for (Future<TokenVerification> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
