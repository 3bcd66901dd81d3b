package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.TestTokens.KEY;
import static io.github.lrjakarta.core.TestTokens.KID;
import static io.github.lrjakarta.core.TestTokens.b64;
import static io.github.lrjakarta.core.TestTokens.rs256;
import static io.github.lrjakarta.core.TestTokens.rs256Header;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One test per class of forged or broken token; each must be rejected with the right reason, and
 * no detail may repeat the token.
 */
class TokenAttackTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static JwksStub jwks;

    private final TestClock clock = new TestClock(NOW);

    @BeforeAll
    static void startKeySet() throws Exception {
        jwks = new JwksStub().body(TestTokens.jwks(Map.of(KID, KEY.getPublic())));
    }

    @AfterAll
    static void stopKeySet() {
        jwks.close();
    }

    /** A verifier on the key set (the default, RS256 by kid) with its token cache off. */
    private LoginRocketTokenVerifier jwksVerifier() {
        return LoginRocketTokenVerifier.builder()
                .jwksUri(jwks.uri())
                .allowInsecureLoopback(true)
                .clock(clock)
                .cacheSize(0)
                .build();
    }

    private LoginRocketTokenVerifier staticVerifier() {
        return LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.pem(KEY.getPublic()))
                .clock(clock)
                .cacheSize(0)
                .realm("rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8")
                .build();
    }

    private static JsonObjectBuilder claims() {
        return TestTokens.claims(NOW);
    }

    private static String token(JsonObject claims) {
        return rs256(claims);
    }

    private static TokenVerification assertRejected(LoginRocketTokenVerifier v, String token, TokenFailure expected) {
        TokenVerification r = v.verify(token);
        assertThat(r.isValid()).as("token must be rejected").isFalse();
        assertThat(r.failure()).as(r.detail()).isEqualTo(expected);
        assertThat(r.session()).isEmpty();
        assertNoLeak(r, token);
        return r;
    }

    /** Neither the detail nor toString may contain the token or any of its segments. */
    private static void assertNoLeak(TokenVerification r, String token) {
        for (String segment : token.split("\\.")) {
            if (segment.length() >= 8) {
                assertThat(r.detail()).doesNotContain(segment);
                assertThat(r.toString()).doesNotContain(segment);
            }
        }
    }

    @Test
    void validTokenIsAcceptedByBothSources() {
        String t = token(claims().build());
        assertThat(jwksVerifier().verify(t).isValid()).isTrue();
        assertThat(staticVerifier().verify(t).isValid()).isTrue();
    }

    @Test
    void algNoneIsRefused() {
        String payload = b64(claims().build().toString());
        for (String alg : new String[] {"none", "None", "NONE"}) {
            String unsigned = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + KID + "\"}") + "." + payload + ".";
            assertRejected(jwksVerifier(), unsigned, TokenFailure.UNSUPPORTED_ALGORITHM);
            assertRejected(staticVerifier(), unsigned, TokenFailure.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyIsRefused() {
        String payload = claims().build().toString();
        byte[][] secrets = {
            TestTokens.pem(KEY.getPublic()).getBytes(StandardCharsets.US_ASCII),
            KEY.getPublic().getEncoded(),
            TestTokens.spkiBase64(KEY.getPublic()).getBytes(StandardCharsets.US_ASCII)
        };
        for (byte[] secret : secrets) {
            String forged = TestTokens.hs256("{\"alg\":\"HS256\",\"kid\":\"" + KID + "\"}", payload, secret);
            TokenVerification r = assertRejected(jwksVerifier(), forged, TokenFailure.UNSUPPORTED_ALGORITHM);
            assertThat(r.detail()).contains("RS256 only");
            assertRejected(staticVerifier(), forged, TokenFailure.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void otherAlgorithmsAreRefused() {
        String payload = claims().build().toString();
        for (String alg : new String[] {"RS512", "PS256", "ES256", "rs256", "HS512"}) {
            String t = rs256("{\"alg\":\"" + alg + "\",\"kid\":\"" + KID + "\"}", payload, KEY.getPrivate());
            assertRejected(jwksVerifier(), t, TokenFailure.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void unknownKidIsRejected() {
        String t = rs256(rs256Header("jk_nobody"), claims().build().toString(), KEY.getPrivate());
        TokenVerification r = assertRejected(jwksVerifier(), t, TokenFailure.UNKNOWN_KEY);
        assertThat(r.detail()).contains("'jk_nobody'");
    }

    @Test
    void missingKidIsRejectedByTheKeySet() {
        String t = rs256("{\"alg\":\"RS256\"}", claims().build().toString(), KEY.getPrivate());
        TokenVerification r = assertRejected(jwksVerifier(), t, TokenFailure.UNKNOWN_KEY);
        assertThat(r.detail()).contains("no 'kid'");
    }

    @Test
    void floodOfRandomKidsRefetchesTheKeySetOnlyOnceWhateverTheClockSays() throws Exception {
        try (JwksStub own = new JwksStub().body(TestTokens.jwks(Map.of(KID, KEY.getPublic())))) {
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwksUri(own.uri()).allowInsecureLoopback(true).clock(clock).build();
            String payload = claims().build().toString();
            assertThat(v.verify(token(claims().build())).isValid()).isTrue();
            for (int i = 0; i < 500; i++) {
                String forged = rs256(rs256Header("kid-" + UUID.randomUUID()), payload, KEY.getPrivate());
                assertThat(v.verify(forged).failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
                // the claims clock jumping back and forth (as when a caller verifies "as of" an
                // instant taken from a token) must not open the throttle
                clock.advance(Duration.ofMinutes(i % 2 == 0 ? 10 : -10));
            }
            assertThat(own.requests()).as("the first fetch and one refetch per interval").isEqualTo(2);
        }
    }

    @Test
    void expiredTokenIsRejectedBeyondTheLeewayOnly() {
        String t = token(claims().add("exp", NOW.getEpochSecond() - 4).build());
        assertThat(staticVerifier().verify(t).isValid()).as("within the 5 s leeway").isTrue();
        String old = token(claims().add("exp", NOW.getEpochSecond() - 5).build());
        TokenVerification r = assertRejected(staticVerifier(), old, TokenFailure.EXPIRED);
        assertThat(r.detail()).contains("expired at 2026-03-01T11:59:55Z");
    }

    @Test
    void notBeforeInTheFutureIsRejected() {
        String t = token(claims().add("nbf", NOW.getEpochSecond() + 60).build());
        assertRejected(staticVerifier(), t, TokenFailure.NOT_YET_VALID);
        String skewed = token(claims().add("nbf", NOW.getEpochSecond() + 5).build());
        assertThat(staticVerifier().verify(skewed).isValid()).isTrue();
    }

    @Test
    void issuedInTheFutureBeyondLeewayIsRejected() {
        String t = token(claims().add("iat", NOW.getEpochSecond() + 6).build());
        assertRejected(staticVerifier(), t, TokenFailure.ISSUED_IN_FUTURE);
        String skewed = token(claims().add("iat", NOW.getEpochSecond() + 5).build());
        assertThat(staticVerifier().verify(skewed).isValid()).isTrue();
    }

    @Test
    void tooOldIsRejectedWhenMaxAgeIsSet() {
        LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.pem(KEY.getPublic())).clock(clock).maxTokenAge(Duration.ofMinutes(10)).build();
        String t = token(claims().build());
        assertThat(v.verify(t).isValid()).isTrue();
        clock.advance(Duration.ofMinutes(10).plusSeconds(6));
        assertRejected(v, t, TokenFailure.TOO_OLD);
    }

    @Test
    void wrongOrMissingIssuerIsRejected() {
        TokenVerification r = assertRejected(staticVerifier(),
                token(claims().add("iss", "https://sample.e2.loginrocket.com").build()), TokenFailure.WRONG_ISSUER);
        assertThat(r.detail()).contains("'https://sample.e2.loginrocket.com'").contains("'https://authrocket.com'");
        assertRejected(staticVerifier(), token(claims().remove("iss").build()), TokenFailure.WRONG_ISSUER);
    }

    @Test
    void wrongOrMissingRealmIsRejectedWhenPinned() {
        assertRejected(staticVerifier(), token(claims().add("rid", "rl_other").build()), TokenFailure.WRONG_REALM);
        assertRejected(staticVerifier(), token(claims().remove("rid").build()), TokenFailure.WRONG_REALM);
        assertThat(jwksVerifier().verify(token(claims().add("rid", "rl_other").build())).isValid())
                .as("not pinned: any realm").isTrue();
    }

    @Test
    void payloadChangedAfterSigningIsRejected() {
        String t = token(claims().build());
        String[] parts = t.split("\\.");
        String tampered = parts[0] + "." + b64(claims().add("sub", "usr_admin").build().toString()) + "." + parts[2];
        assertRejected(jwksVerifier(), tampered, TokenFailure.BAD_SIGNATURE);
        assertRejected(staticVerifier(), tampered, TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void signatureOfAnotherTokenIsRejected() {
        String a = token(claims().build());
        String b = token(claims().add("sub", "usr_other").build());
        String spliced = a.substring(0, a.lastIndexOf('.')) + b.substring(b.lastIndexOf('.'));
        assertRejected(jwksVerifier(), spliced, TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void truncatedTokensAreRejected() {
        String t = token(claims().build());
        assertRejected(jwksVerifier(), t.substring(0, t.length() - 10), TokenFailure.BAD_SIGNATURE);
        assertRejected(jwksVerifier(), t.substring(0, t.lastIndexOf('.') + 1), TokenFailure.BAD_SIGNATURE);
        assertRejected(jwksVerifier(), t.substring(0, t.lastIndexOf('.')), TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), t.substring(0, t.indexOf('.')), TokenFailure.MALFORMED);
    }

    @Test
    void extraSegmentsAreRejected() {
        String t = token(claims().build());
        assertRejected(jwksVerifier(), t + ".AAAA", TokenFailure.MALFORMED);
        TokenVerification jwe = assertRejected(jwksVerifier(), t + ".AAAA.BBBB", TokenFailure.MALFORMED);
        assertThat(jwe.detail()).contains("JWE");
        assertRejected(jwksVerifier(), t + ".", TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), "..", TokenFailure.MALFORMED);
    }

    @Test
    void badBase64urlIsRejected() {
        String t = token(claims().build());
        String[] p = t.split("\\.");
        assertRejected(jwksVerifier(), p[0] + "+/." + p[1] + "." + p[2], TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), p[0] + "=." + p[1] + "." + p[2], TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), p[0] + "." + p[1] + "." + p[2].substring(0, 20) + "*!" + p[2].substring(22),
                TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), p[0] + " ." + p[1] + "." + p[2], TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), p[0] + "\u00e9." + p[1] + "." + p[2], TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), p[0] + "\u4e00." + p[1] + "." + p[2], TokenFailure.MALFORMED);
    }

    @Test
    void nonJsonHeaderIsRejected() {
        String payload = claims().build().toString();
        assertRejected(jwksVerifier(), rs256("not json", payload, KEY.getPrivate()), TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256("[\"RS256\"]", payload, KEY.getPrivate()), TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256(rs256Header(KID) + "{}", payload, KEY.getPrivate()),
                TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256("{\"kid\":\"" + KID + "\"}", payload, KEY.getPrivate()),
                TokenFailure.MALFORMED);
    }

    @Test
    void nonJsonPayloadIsRejectedEvenWhenSigned() {
        assertRejected(jwksVerifier(), rs256(rs256Header(KID), "hello", KEY.getPrivate()), TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256(rs256Header(KID), "[1,2]", KEY.getPrivate()), TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256(rs256Header(KID), "{\"iss\":", KEY.getPrivate()), TokenFailure.MALFORMED);
    }

    @Test
    void unsignedGarbagePayloadFailsOnTheSignatureBeforeParsing() {
        String t = token(claims().build());
        String[] p = t.split("\\.");
        assertRejected(jwksVerifier(), p[0] + "." + b64("{not json") + "." + p[2], TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void tokenOverTheSizeLimitIsNotParsed() {
        String huge = token(claims().add("cs", Json.createObjectBuilder().add("pad", "x".repeat(17_000))).build());
        TokenVerification r = assertRejected(jwksVerifier(), huge, TokenFailure.TOO_LARGE);
        assertThat(r.detail()).contains("16384");
        assertRejected(jwksVerifier(), "a".repeat(1_000_000), TokenFailure.TOO_LARGE);
    }

    @Test
    void claimValuesOfTheWrongTypeAreRejected() {
        Map<String, jakarta.json.JsonValue> wrong = Map.of(
                "exp", Json.createValue(String.valueOf(NOW.getEpochSecond() + 3600)),
                "iat", jakarta.json.JsonValue.TRUE,
                "nbf", Json.createValue("yesterday"),
                "iss", Json.createValue(42),
                "sub", Json.createValue(7),
                "sid", Json.createArrayBuilder().add("kss_x").build());
        wrong.forEach((claim, value) -> {
            TokenVerification r = assertRejected(staticVerifier(), token(claims().add(claim, value).build()),
                    TokenFailure.MALFORMED);
            assertThat(r.detail()).contains("'" + claim + "'");
        });
        assertRejected(staticVerifier(), token(claims().add("rid", 5).build()), TokenFailure.MALFORMED);
    }

    @Test
    void requiredClaimsMustBePresent() {
        for (String claim : new String[] {"sub", "sid", "iat", "exp"}) {
            TokenVerification r =
                    assertRejected(staticVerifier(), token(claims().remove(claim).build()), TokenFailure.MALFORMED);
            assertThat(r.detail()).contains("'" + claim + "' is missing");
        }
    }

    @Test
    void absurdTimesAreRejected() {
        assertRejected(staticVerifier(), token(claims().add("exp", Long.MAX_VALUE).build()), TokenFailure.MALFORMED);
        assertRejected(staticVerifier(), token(claims().add("exp", new java.math.BigDecimal("1e400")).build()),
                TokenFailure.MALFORMED);
        assertRejected(staticVerifier(), token(claims().add("iat", -1).build()), TokenFailure.MALFORMED);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, not a speed claim
    void numbersThatAreExpensiveToConvertAreReadWithoutExpandingThem() {
        // a tiny value with an enormous scale: converting it naively computes 10^999999999 (minutes)
        String t = token(claims().add("nbf", new java.math.BigDecimal("1e-999999999")).build());
        assertThat(staticVerifier().verify(t).isValid()).as("nbf reads as 0, long before now").isTrue();
        String future = token(claims().add("nbf", new java.math.BigDecimal("9999999999.5")).build());
        assertThat(staticVerifier().verify(future).failure()).as("the same path still compares")
                .isEqualTo(TokenFailure.NOT_YET_VALID);
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutBlowingTheStack() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"x\":" + deep + "}";
        String payload = claims().build().toString();
        assertRejected(jwksVerifier(), rs256(header, payload, KEY.getPrivate()), TokenFailure.MALFORMED);
        String deepPayload = payload.substring(0, payload.length() - 1) + ",\"x\":" + deep + "}";
        assertRejected(jwksVerifier(), rs256(rs256Header(KID), deepPayload, KEY.getPrivate()), TokenFailure.MALFORMED);
    }

    @Test
    void fractionalTimesAreAccepted() {
        String t = token(claims().add("exp", NOW.getEpochSecond() + 60.75).add("iat", NOW.getEpochSecond() - 0.5).build());
        TokenVerification r = staticVerifier().verify(t);
        assertThat(r.isValid()).as(r.detail()).isTrue();
        assertThat(r.sessionOrThrow().expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void duplicateClaimsAreRejected() {
        String json = claims().build().toString();
        String dup = json.substring(0, json.length() - 1) + ",\"iss\":\"https://evil.example\"}";
        assertRejected(staticVerifier(), rs256(rs256Header(KID), dup, KEY.getPrivate()), TokenFailure.MALFORMED);
    }

    @Test
    void criticalHeaderExtensionsAreRejected() {
        String t = rs256("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"crit\":[\"exp\"],\"exp\":1}",
                claims().build().toString(), KEY.getPrivate());
        assertRejected(jwksVerifier(), t, TokenFailure.MALFORMED);
    }

    @Test
    void kidThatIsNotAStringOrTooLongIsMalformed() {
        String payload = claims().build().toString();
        assertRejected(jwksVerifier(), rs256("{\"alg\":\"RS256\",\"kid\":7}", payload, KEY.getPrivate()),
                TokenFailure.MALFORMED);
        assertRejected(jwksVerifier(), rs256(rs256Header("k".repeat(300)), payload, KEY.getPrivate()),
                TokenFailure.MALFORMED);
    }

    @Test
    void hostileKidIsNotEchoedIntoDetails() {
        String t = rs256("{\"alg\":\"RS256\",\"kid\":\"evil\\nINFO forged log line\"}", claims().build().toString(),
                KEY.getPrivate());
        TokenVerification r = assertRejected(jwksVerifier(), t, TokenFailure.UNKNOWN_KEY);
        assertThat(r.detail()).doesNotContain("\n").doesNotContain("forged");
    }

    @Test
    void nullAndEmptyAreMalformed() {
        assertThat(jwksVerifier().verify(null).failure()).isEqualTo(TokenFailure.MALFORMED);
        assertThat(jwksVerifier().verify("").failure()).isEqualTo(TokenFailure.MALFORMED);
        assertThat(jwksVerifier().verify("Bearer").failure()).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void randomMutationsNeverThrowAndNeverChangeWhatIsAccepted() {
        LoginRocketTokenVerifier v = staticVerifier();
        String t = token(claims().build());
        Random random = new Random(42);
        String alphabet = "ABCxyz019-_.=+/ \u00e9{}\"";
        Set<TokenFailure> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder m = new StringBuilder(t);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && m.length() > 0; e++) {
                int pos = random.nextInt(m.length());
                switch (random.nextInt(3)) {
                    case 0 -> m.setCharAt(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> m.deleteCharAt(pos);
                    default -> m.insert(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String mutated = m.toString();
            TokenVerification r = v.verify(mutated);
            if (r.isValid()) {
                // base64url is checked for its one canonical spelling: no edit leaves a valid token
                assertThat(mutated).isEqualTo(t);
            } else {
                seen.add(r.failure());
                assertNoLeak(r, mutated);
            }
        }
        assertThat(seen).contains(TokenFailure.MALFORMED, TokenFailure.BAD_SIGNATURE);
    }
}
