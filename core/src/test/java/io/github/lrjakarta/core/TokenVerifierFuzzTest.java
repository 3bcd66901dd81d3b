package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link LoginRocketTokenVerifier#verify}, the first code every bearer header, cookie and
 * {@code ?token=} reaches. Without {@code JAZZER_FUZZ} each method runs once per committed input
 * (under {@code TokenVerifierFuzzTestInputs/<method>/}); with it, Jazzer mutates inputs for the
 * method's {@code maxDuration}.
 *
 * <p>The invariants: {@code verify} always returns a verification and never throws; an unexpected
 * runtime exception inside the engine (which {@code verify} turns into "unexpected ...") counts as a
 * finding; the raw token never appears in the rejection detail; a token that is not signed by the
 * trusted key is never valid; and a token the oracle below calls valid is valid and round-trips.
 */
class TokenVerifierFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-03T17:04:00Z");
    private static final String REALM = "rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8";

    /** Built once: an RSA key check per iteration would dominate the run. Cache off so every input is verified. */
    private static final LoginRocketTokenVerifier VERIFIER = LoginRocketTokenVerifier.builder()
            .staticKey(TestTokens.pem(TestTokens.KEY.getPublic()))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .realm(REALM)
            .leeway(Duration.ZERO)
            .cacheSize(0)
            .build();

    /** The same, with its token cache on, for the round trip. */
    private static final LoginRocketTokenVerifier CACHING = LoginRocketTokenVerifier.builder()
            .staticKey(TestTokens.pem(TestTokens.KEY.getPublic()))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .realm(REALM)
            .leeway(Duration.ZERO)
            .build();

    @FuzzTest(maxDuration = "3m")
    void arbitraryTextIsRejectedCleanly(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        TokenVerification v = verifyChecked(VERIFIER, token);
        // Nobody but the test holds the private key, and Jazzer cannot forge RS256.
        assertThat(v.isValid()).as("valid: %s", v).isFalse();
        assertThat(v.expiredSession()).isEmpty();
    }

    /**
     * Header and claims chosen field by field, each either the value a real LoginRocket token has
     * or a hostile one, signed by the trusted key: only the signature is genuine.
     */
    @FuzzTest(maxDuration = "3m")
    void signedForgeriesFollowTheClaimRules(FuzzedDataProvider data) {
        boolean goodAlg = data.consumeBoolean();
        String alg = goodAlg ? "RS256" : data.pickValue(new String[] {"none", "HS256", "rs256", "RS512", "PS256", "ES256", ""});
        boolean headerExtra = data.consumeBoolean();
        String extraHeaderName = data.pickValue(new String[] {"crit", "jku", "x5u", "jwk", "typ", "kid", "zip"});
        String extraHeaderValue = data.consumeString(40);

        boolean goodIss = data.consumeBoolean();
        String iss = goodIss ? LoginRocketTokenVerifier.DEFAULT_ISSUER : "https://authrocket.com." + data.consumeString(20);
        boolean goodRealm = data.consumeBoolean();
        String rid = goodRealm ? REALM : "rl_" + data.consumeString(20) + "x";
        long iatOffset = data.consumeLong(-3 * 86_400, 3 * 86_400);
        long lifetime = data.consumeLong(-86_400, 86_400);
        boolean timesAsText = data.consumeBoolean();
        boolean dropSub = data.consumeBoolean();
        String sub = data.consumeBoolean() ? "usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0" : data.consumeString(30);
        String extraName = data.consumeString(12);
        String extraJson = data.consumeRemainingAsString();

        long iat = NOW.getEpochSecond() + iatOffset;
        long exp = iat + lifetime;
        JsonObjectBuilder claims = TestTokens.claims(NOW).add("iss", iss).add("rid", rid);
        if (timesAsText) {
            claims.add("iat", Long.toString(iat)).add("exp", Long.toString(exp));
        } else {
            claims.add("iat", iat).add("exp", exp);
        }
        if (dropSub) {
            claims.remove("sub");
        } else {
            claims.add("sub", sub);
        }
        String payload = claims.build().toString();
        if (!extraName.isEmpty()) {
            // raw text spliced into the JSON: may break it, duplicate a member, or nest deeply
            payload = payload.substring(0, payload.length() - 1) + ",\"" + extraName + "\":" + extraJson + "}";
        }
        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", alg).add("kid", TestTokens.KID).add("typ", "JWT");
        if (headerExtra) {
            header.add(extraHeaderName, extraHeaderValue);
        }
        String token = TestTokens.rs256(header.build().toString(), payload, TestTokens.KEY.getPrivate());

        TokenVerification v = verifyChecked(VERIFIER, token);

        boolean timesOk = !timesAsText && iat <= NOW.getEpochSecond() && exp > NOW.getEpochSecond();
        boolean mustFail = !goodAlg || (headerExtra && extraHeaderName.equals("crit")) || !goodIss || !goodRealm
                || !timesOk;
        if (mustFail) {
            assertThat(v.isValid()).as("accepted a token that breaks a rule: %s", v).isFalse();
        }
        if (v.isValid()) {
            LoginRocketSession s = v.sessionOrThrow();
            assertThat(s.token()).isEqualTo(token);
            assertThat(s.realmId()).isEqualTo(REALM);
            assertThat(s.expiresAt()).isAfter(NOW);
            assertThat(s.issuedAt()).isBeforeOrEqualTo(NOW);
            // round trip: a caching verifier says the same, twice (the second answer from its cache)
            assertThat(verifyChecked(CACHING, token).sessionOrThrow().sessionId()).isEqualTo(s.sessionId());
            assertThat(verifyChecked(CACHING, token).sessionOrThrow().user().id()).isEqualTo(s.user().id());
        } else if (!mustFail && !dropSub && extraName.isEmpty() && !headerExtra
                && sub.equals("usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0")) {
            // nothing hostile left: a genuine token shape must be accepted
            assertThat(v.isValid()).as("rejected a genuine token: %s", v).isTrue();
        }
    }

    /** The first finding of {@link #arbitraryTextIsRejectedCleanly}: an IndexOutOfBoundsException inside the engine. */
    @Test
    void aCharacterOutsideLatin1DoesNotShiftTheSegments() {
        String token = TestTokens.rs256(TestTokens.claims(NOW).build());
        String withEmoji = "\uD83D\uDE00" + token; // one code point, two chars, was one byte

        TokenVerification v = verifyChecked(VERIFIER, withEmoji);

        assertThat(v.failure()).isEqualTo(TokenFailure.MALFORMED);
        assertThat(v.detail()).isEqualTo("the token has a character outside base64url");
    }

    private static TokenVerification verifyChecked(LoginRocketTokenVerifier verifier, String token) {
        TokenVerification v = verifier.verify(token);
        assertThat(v).isNotNull();
        if (!v.isValid()) {
            assertThat(v.failure()).isNotNull();
            assertThat(v.detail()).as("an exception escaped the engine").doesNotStartWith("unexpected ");
            if (token.length() >= 16) {
                assertThat(v.detail()).doesNotContain(token);
            }
            // the signature part alone is a bearer secret too
            int lastDot = token.lastIndexOf('.');
            if (lastDot >= 0 && token.length() - lastDot > 16) {
                assertThat(v.detail()).doesNotContain(token.substring(lastDot + 1));
            }
        }
        return v;
    }
}
