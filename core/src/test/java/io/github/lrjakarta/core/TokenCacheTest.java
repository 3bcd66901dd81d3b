package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.TestTokens.KEY;
import static io.github.lrjakarta.core.TestTokens.KID;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The verified-token cache as seen through the verifier: hits, expiry, maximum age, off. */
class TokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TestClock clock = new TestClock(NOW);

    private LoginRocketTokenVerifier verifier(int cacheSize) {
        return LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.pem(KEY.getPublic())).clock(clock).cacheSize(cacheSize).build();
    }

    @Test
    void secondVerificationOfTheSameTokenIsACacheHit() {
        LoginRocketTokenVerifier v = verifier(100);
        String token = TestTokens.rs256(TestTokens.claims(NOW).build());
        TokenVerification first = v.verify(token);
        assertThat(first.isValid()).isTrue();
        // a hit returns the stored outcome itself; a cold verification builds a new one
        assertThat(v.verify(token)).isSameAs(first);
        assertThat(v.verify(new String(token.toCharArray()))).as("equal, not identical, string").isSameAs(first);
    }

    @Test
    void cacheOffVerifiesEveryTime() {
        LoginRocketTokenVerifier v = verifier(0);
        String token = TestTokens.rs256(TestTokens.claims(NOW).build());
        TokenVerification first = v.verify(token);
        assertThat(first.isValid()).isTrue();
        assertThat(v.verify(token)).isNotSameAs(first);
    }

    @Test
    void entriesExpireAtTheTokensExpiryNotLater() {
        LoginRocketTokenVerifier v = verifier(100);
        String token = TestTokens.rs256(TestTokens.claims(NOW).add("exp", NOW.getEpochSecond() + 60).build());
        TokenVerification first = v.verify(token);
        clock.advance(Duration.ofSeconds(59));
        assertThat(v.verify(token)).isSameAs(first);
        clock.advance(Duration.ofSeconds(2)); // past exp, inside the leeway: verified afresh, not served from cache
        TokenVerification afterExp = v.verify(token);
        assertThat(afterExp.isValid()).isTrue();
        assertThat(afterExp).isNotSameAs(first);
        assertThat(v.verify(token)).as("not re-cached past exp").isNotSameAs(afterExp);
        clock.advance(Duration.ofSeconds(4));
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.EXPIRED);
    }

    @Test
    void entriesExpireAtTheMaximumAgeWhenThatIsEarlier() {
        LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.pem(KEY.getPublic())).clock(clock).maxTokenAge(Duration.ofMinutes(1)).build();
        String token = TestTokens.rs256(TestTokens.claims(NOW).build()); // exp in 1 h
        TokenVerification first = v.verify(token);
        clock.advance(Duration.ofSeconds(61));
        assertThat(v.verify(token)).isNotSameAs(first);
        clock.advance(Duration.ofSeconds(5));
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.TOO_OLD);
    }

    @Test
    void aCachedTokenGivesNoHitToAForgeryWithTheSameSignature() {
        LoginRocketTokenVerifier v = verifier(100);
        String token = TestTokens.rs256(TestTokens.claims(NOW).build());
        assertThat(v.verify(token).isValid()).isTrue();
        String[] p = token.split("\\.");
        // same signature, hence the same bucket hash: must still be verified, and fail
        String forged = p[0] + "." + TestTokens.b64(TestTokens.claims(NOW).add("sub", "usr_admin").build().toString())
                + "." + p[2];
        assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.BAD_SIGNATURE);
        assertThat(v.verify(p[0] + "." + p[1] + "." + p[2] + "x").isValid()).isFalse();
    }

    @Test
    void rejectedTokensAreNotCached() {
        LoginRocketTokenVerifier v = verifier(100);
        String expired = TestTokens.rs256(TestTokens.claims(NOW.minusSeconds(7200)).build());
        TokenVerification first = v.verify(expired);
        assertThat(first.failure()).isEqualTo(TokenFailure.EXPIRED);
        assertThat(v.verify(expired)).isNotSameAs(first);
    }

    @Test
    void manyDistinctTokensStayCorrect() {
        LoginRocketTokenVerifier v = verifier(10);
        String header = TestTokens.rs256Header(KID);
        for (int i = 0; i < 40; i++) {
            String t = TestTokens.rs256(header, TestTokens.claims(NOW).add("sid", "kss_" + i).build().toString(),
                    KEY.getPrivate());
            TokenVerification r = v.verify(t);
            assertThat(r.sessionOrThrow().sessionId()).isEqualTo("kss_" + i);
            assertThat(v.verify(t).sessionOrThrow().sessionId()).isEqualTo("kss_" + i);
        }
    }
}
