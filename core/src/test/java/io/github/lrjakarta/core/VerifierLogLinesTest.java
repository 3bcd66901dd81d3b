package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the verifier and its key sources log: enough to act on, never a token, its segments or the secret. */
class VerifierLogLinesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static void assertNoSecrets(List<String> lines, List<String> tokens, String... secrets) {
        assertThat(lines).allSatisfy(line -> {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
            for (String token : tokens) {
                for (String segment : token.split("\\.")) {
                    if (segment.length() >= 8) {
                        assertThat(line).doesNotContain(segment);
                    }
                }
            }
        });
    }

    @Test
    void theStaticSecretAndTheTokensNeverAppearInLogLines() {
        try (LogCapture log = LogCapture.of("io.github.lrjakarta.core")) {
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder().staticKey(TestTokens.SECRET)
                    .clock(new TestClock(NOW)).cacheSize(0).build();
            byte[] secret = TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
            String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
            String good = TestTokens.hs256(header, TestTokens.claims(NOW).build().toString(), secret);
            String expired = TestTokens.hs256(header, TestTokens.claims(NOW.minusSeconds(7200)).build().toString(), secret);
            String forged = TestTokens.hs256(header, TestTokens.claims(NOW).build().toString(),
                    "jsk_not_the_realm_secret_but_long_enough".getBytes(StandardCharsets.UTF_8));

            assertThat(v.verify(good).isValid()).isTrue();
            assertThat(v.verify(expired).failure()).isEqualTo(TokenFailure.EXPIRED);
            assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.BAD_SIGNATURE);

            assertThat(log.lines()).as("rejections are logged").anySatisfy(l -> assertThat(l).contains("BAD_SIGNATURE"));
            assertNoSecrets(log.lines(), List.of(good, expired, forged), TestTokens.SECRET);
        }
    }

    @Test
    void keySetLogLinesNameTheKeySetAndTheProblemButNoToken() {
        AtomicLong nanos = new AtomicLong();
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                LogCapture log = LogCapture.of("io.github.lrjakarta.core")) {
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwks(LoginRocketUrl.parse(emulator.url(), true)).clock(emulator.clock()).ticker(nanos::get)
                    .build();
            String token = emulator.issueToken("dana@example.org");
            String forged = TestTokens.rs256(TestTokens.rs256Header("kid-" + UUID.randomUUID()),
                    TestTokens.claims(emulator.clock().instant()).build().toString(), TestTokens.KEY.getPrivate());

            emulator.faults().inject("/connect/jwks", Fault.status(503).once());
            assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(v.verify(token).isValid()).isTrue();
            assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);

            assertThat(log.at("WARNING")).anySatisfy(l -> assertThat(l)
                    .contains("Could not fetch the LoginRocket key set", "/connect/jwks", "503"));
            assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).contains(emulator.signingKeyId()));
            assertNoSecrets(log.lines(), List.of(token, forged));
        }
    }
}
