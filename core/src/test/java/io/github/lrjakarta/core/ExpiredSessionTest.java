package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.TestTokens.KEY;
import static io.github.lrjakarta.core.TestTokens.KID;
import static io.github.lrjakarta.core.TestTokens.OTHER_KEY;
import static io.github.lrjakarta.core.TestTokens.b64;
import static io.github.lrjakarta.core.TestTokens.rs256;
import static io.github.lrjakarta.core.TestTokens.rs256Header;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenVerification#expiredSession()}: the session of a genuine token that failed only
 * because it expired, and never of anything else.
 */
class ExpiredSessionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SID = "kss_2Qm8pLr5TzV1aXc9Hn4Wb0";
    private static final String RID = "rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8";

    private final TestClock clock = new TestClock(NOW);

    private LoginRocketTokenVerifier.Builder verifier() {
        return LoginRocketTokenVerifier.builder().staticKey(TestTokens.pem(KEY.getPublic())).clock(clock).realm(RID);
    }

    /** Claims of a token issued two hours ago that lived one hour. */
    private static JsonObjectBuilder expiredClaims() {
        return TestTokens.claims(NOW.minus(Duration.ofHours(2)));
    }

    private static void assertNoExpiredSession(TokenVerification r, TokenFailure failure) {
        assertThat(r.failure()).as(r.detail()).isEqualTo(failure);
        assertThat(r.isValid()).isFalse();
        assertThat(r.session()).isEmpty();
        assertThat(r.expiredSession()).isEmpty();
    }

    @Test
    void anExpiredGenuineTokenIsRejectedButCarriesItsSession() {
        String token = rs256(expiredClaims().build());

        TokenVerification r = verifier().build().verify(token);

        assertThat(r.failure()).isEqualTo(TokenFailure.EXPIRED);
        assertThat(r.isValid()).isFalse();
        assertThat(r.session()).as("not a login").isEmpty();
        assertThat(r.expiredSession()).hasValueSatisfying(s -> {
            assertThat(s.sessionId()).isEqualTo(SID);
            assertThat(s.user().email()).contains("dana@example.org");
            assertThat(s.expiresAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(s.token()).isEqualTo(token);
        });
        assertThat(r.toString()).doesNotContain(SID).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void anExpiredTokenWithABadSignatureHasNoSession() {
        String token = rs256(expiredClaims().build());
        String[] p = token.split("\\.");
        String altered = p[0] + "." + b64(expiredClaims().add("sid", "kss_stolen").build().toString()) + "." + p[2];
        String otherKey = rs256(rs256Header(KID), expiredClaims().build().toString(), OTHER_KEY.getPrivate());
        String spliced = p[0] + "." + p[1] + "." + p[2].substring(0, 10) + (p[2].charAt(10) == 'A' ? 'B' : 'A') + p[2].substring(11);
        LoginRocketTokenVerifier v = verifier().build();

        assertNoExpiredSession(v.verify(altered), TokenFailure.BAD_SIGNATURE);
        assertNoExpiredSession(v.verify(otherKey), TokenFailure.BAD_SIGNATURE);
        assertNoExpiredSession(v.verify(spliced), TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void anExpiredTokenOfAnotherIssuerOrRealmHasNoSession() {
        LoginRocketTokenVerifier v = verifier().build();

        assertNoExpiredSession(v.verify(rs256(expiredClaims().add("iss", "https://evil.example").build())),
                TokenFailure.WRONG_ISSUER);
        assertNoExpiredSession(v.verify(rs256(expiredClaims().remove("iss").build())), TokenFailure.WRONG_ISSUER);
        assertNoExpiredSession(v.verify(rs256(expiredClaims().add("rid", "rl_other").build())), TokenFailure.WRONG_REALM);
    }

    @Test
    void anExpiredTokenThatWasNeverValidOrOutlivedTheMaximumAgeHasNoSession() {
        long exp = NOW.minus(Duration.ofHours(1)).getEpochSecond();
        String neverValid = rs256(expiredClaims().add("nbf", exp + 60).build());
        String issuedAfterExpiry = rs256(expiredClaims().add("iat", exp + 60).build());
        LoginRocketTokenVerifier v = verifier().build();

        assertNoExpiredSession(v.verify(neverValid), TokenFailure.EXPIRED);
        assertNoExpiredSession(v.verify(issuedAfterExpiry), TokenFailure.EXPIRED);

        String token = rs256(expiredClaims().build()); // lived 1 h
        assertNoExpiredSession(verifier().maxTokenAge(Duration.ofMinutes(30)).build().verify(token),
                TokenFailure.EXPIRED);
        assertThat(verifier().maxTokenAge(Duration.ofMinutes(90)).build().verify(token).expiredSession())
                .as("within the maximum age until it expired").isPresent();
    }

    @Test
    void anExpiredTokenMissingItsSessionIdHasNoSession() {
        assertNoExpiredSession(verifier().build().verify(rs256(expiredClaims().remove("sid").build())),
                TokenFailure.EXPIRED);
    }

    @Test
    void validTokensAndOtherFailuresHaveNoExpiredSession() {
        LoginRocketTokenVerifier v = verifier().build();

        assertThat(v.verify(rs256(TestTokens.claims(NOW).build())).expiredSession()).isEmpty();
        assertNoExpiredSession(v.verify(rs256(TestTokens.claims(NOW).add("nbf", NOW.getEpochSecond() + 60).build())),
                TokenFailure.NOT_YET_VALID);
        assertNoExpiredSession(v.verify("not.a.token"), TokenFailure.MALFORMED);
        assertNoExpiredSession(v.verify(null), TokenFailure.MALFORMED);
    }

    @Test
    void theLeewayStillApplies() {
        String justExpired = rs256(TestTokens.claims(NOW).add("exp", NOW.getEpochSecond() - 4).build());
        TokenVerification r = verifier().build().verify(justExpired);
        assertThat(r.isValid()).as("within the 5 s leeway").isTrue();
        assertThat(r.expiredSession()).isEmpty();
    }

    @Test
    void expiredOutcomesAreNeverCached() {
        LoginRocketTokenVerifier v = verifier().cacheSize(100).build();
        String token = rs256(TestTokens.claims(NOW).add("exp", NOW.getEpochSecond() + 60).build());
        TokenVerification valid = v.verify(token);
        assertThat(v.verify(token)).as("cached while valid").isSameAs(valid);

        clock.advance(Duration.ofSeconds(70));
        TokenVerification first = v.verify(token);
        TokenVerification second = v.verify(token);

        assertThat(first.failure()).isEqualTo(TokenFailure.EXPIRED);
        assertThat(first.expiredSession()).isPresent();
        assertThat(second).as("verified afresh, not served from the cache").isNotSameAs(first);
        assertThat(second.expiredSession()).isPresent();
    }

    @Test
    void mutationsOfAnExpiredTokenNeverYieldASessionUnlessTheSignedPartIsIntact() {
        LoginRocketTokenVerifier v = verifier().cacheSize(0).build();
        String token = rs256(expiredClaims().build());
        String signed = token.substring(0, token.lastIndexOf('.'));
        Random random = new Random(7);
        String alphabet = "ABCxyz019-_.";
        for (int i = 0; i < 1000; i++) {
            StringBuilder m = new StringBuilder(token);
            int pos = random.nextInt(m.length());
            m.setCharAt(pos, alphabet.charAt(random.nextInt(alphabet.length())));
            String mutated = m.toString();
            if (v.verify(mutated).expiredSession().isPresent()) {
                // only non-canonical trailing bits of the signature may change without effect
                assertThat(mutated).startsWith(signed + ".");
            }
        }
    }

    @Test
    void emulatorTokensExpireWithTheirSessionAndForeignOnesDoNot() {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                LoginRocketEmulator other = LoginRocketEmulator.builder()
                        .signingKey(OTHER_KEY, emulator.signingKeyId()).clock(emulator.clock()).start()) {
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwks(LoginRocketUrl.parse(emulator.url(), true))
                    .clock(emulator.clock())
                    .realm(emulator.realmId())
                    .build();
            String genuine = emulator.issueToken("dana@example.org");
            String sessionId = v.verify(genuine).sessionOrThrow().sessionId();
            String foreign = other.issueToken("dana@example.org"); // same kid, other key
            emulator.clock().advance(Duration.ofMinutes(61));

            TokenVerification r = v.verify(genuine);
            assertThat(r.failure()).isEqualTo(TokenFailure.EXPIRED);
            assertThat(r.expiredSession().map(LoginRocketSession::sessionId)).contains(sessionId);
            assertNoExpiredSession(v.verify(foreign), TokenFailure.BAD_SIGNATURE);
        }
    }
}
