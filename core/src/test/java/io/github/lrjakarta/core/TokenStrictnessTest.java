package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.TestTokens.KEY;
import static io.github.lrjakarta.core.TestTokens.KID;
import static io.github.lrjakarta.core.TestTokens.b64;
import static io.github.lrjakarta.core.TestTokens.rs256;
import static io.github.lrjakarta.core.TestTokens.rs256Header;
import static io.github.lrjakarta.core.TestTokens.rsaSign;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token must be a LoginRocket login token in its one spelling: the right {@code typ}, no audience,
 * every claim the session reads of its JSON type, canonical base64url. Each case is a correctly
 * signed token, so only these rules can refuse it.
 */
class TokenStrictnessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TestClock clock = new TestClock(NOW);

    private final LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
            .staticKey(TestTokens.pem(KEY.getPublic()))
            .clock(clock)
            .cacheSize(0)
            .build();

    private static JsonObjectBuilder claims() {
        return TestTokens.claims(NOW);
    }

    private TokenVerification assertMalformed(String token, String detailPart) {
        TokenVerification r = verifier.verify(token);
        assertThat(r.failure()).as(r.detail()).isEqualTo(TokenFailure.MALFORMED);
        assertThat(r.session()).isEmpty();
        assertThat(r.detail()).contains(detailPart);
        return r;
    }

    @Test
    void aTypOtherThanJwtIsMalformed() {
        String payload = claims().build().toString();
        Map<String, String> typs = new LinkedHashMap<>();
        typs.put("\"at+jwt\"", "'at+jwt'");
        typs.put("\"dpop+jwt\"", "'dpop+jwt'");
        typs.put("\"secevent+jwt\"", "'secevent+jwt'");
        typs.put("\"JOSE\"", "'JOSE'");
        typs.put("1", "a number");
        typs.put("null", "null");
        typs.forEach((typ, named) -> {
            String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":" + typ + "}";
            assertMalformed(rs256(header, payload, KEY.getPrivate()), "'typ' is " + named);
        });
    }

    @Test
    void typJwtOrNoTypIsAccepted() {
        String payload = claims().build().toString();
        assertThat(verifier.verify(rs256(rs256Header(KID), payload, KEY.getPrivate())).isValid()).isTrue();
        assertThat(verifier.verify(rs256("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\"}", payload, KEY.getPrivate()))
                .isValid()).isTrue();
    }

    @Test
    void aTokenThatNamesAnAudienceIsMalformed() {
        assertMalformed(rs256(claims().add("aud", "https://api.example.org").build()), "'aud'");
        assertMalformed(rs256(claims().add("aud", Json.createArrayBuilder().add("a").add("b")).build()), "'aud'");
        assertMalformed(rs256(claims().addNull("aud").build()), "'aud'");
    }

    @Test
    void anExpiredTokenThatNamesAnAudienceCarriesNoSessionToRefresh() {
        String t = rs256(claims().add("exp", NOW.getEpochSecond() - 60).add("aud", "x").build());
        assertThat(verifier.verify(t).failure()).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void profileClaimsOfTheWrongJsonTypeAreMalformedNotDropped() {
        Map<String, JsonValue> wrong = new LinkedHashMap<>();
        wrong.put("email", Json.createValue(5));
        wrong.put("email_verified", Json.createValue("true"));
        wrong.put("name", Json.createValue(5));
        wrong.put("given_name", JsonValue.EMPTY_JSON_ARRAY);
        wrong.put("family_name", JsonValue.EMPTY_JSON_OBJECT);
        wrong.put("preferred_username", JsonValue.TRUE);
        wrong.put("locale", Json.createArrayBuilder().add("en").build());
        wrong.put("ref", Json.createValue(1));
        wrong.put("cs", Json.createValue("not an object"));
        wrong.forEach((claim, value) ->
                assertMalformed(rs256(claims().add(claim, value).build()), "claim '" + claim + "' must be"));
    }

    @Test
    void orgsMustBeAnArrayOfMembershipObjects() {
        assertMalformed(rs256(claims().add("orgs", "org_1").build()), "claim 'orgs' must be an array of objects");
        assertMalformed(rs256(claims().add("orgs", Json.createObjectBuilder().add("mid", "mb_1")).build()),
                "claim 'orgs' must be an array of objects");
        assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder().add("org_1")).build()),
                "an element is a string");
        assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder().addNull()).build()),
                "an element is null");
    }

    @Test
    void membershipFieldsOfTheWrongJsonTypeAreMalformed() {
        Map<String, JsonValue> wrong = new LinkedHashMap<>();
        wrong.put("mid", Json.createValue(1));
        wrong.put("oid", JsonValue.TRUE);
        wrong.put("name", Json.createValue(5));
        wrong.put("perm", Json.createValue("admin"));
        wrong.put("selected", Json.createValue("yes"));
        wrong.put("ref", Json.createValue(2));
        wrong.put("cs", Json.createArrayBuilder().build());
        wrong.forEach((field, value) -> {
            JsonObjectBuilder entry = membership().add(field, value);
            assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder().add(entry)).build()),
                    "an entry of claim 'orgs' is malformed: claim '" + field + "' must be");
        });
        JsonArrayBuilder perms = Json.createArrayBuilder().add("read").add(7);
        assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder().add(membership().add("perm", perms)))
                .build()), "claim 'perm' must be an array of strings, but an element is a number");
    }

    @Test
    void aMembershipWithoutItsIdsIsMalformedRatherThanSkipped() {
        assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("oid", "org_1"))).build()), "'mid' is missing");
        assertMalformed(rs256(claims().add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("mid", "mb_1"))).build()), "'oid' is missing");
    }

    @Test
    void nullOptionalClaimsStillReadAsAbsent() {
        TokenVerification r = verifier.verify(rs256(claims().addNull("email").addNull("email_verified")
                .addNull("cs").addNull("orgs").build()));
        assertThat(r.isValid()).as(r.detail()).isTrue();
        assertThat(r.sessionOrThrow().user().email()).isEmpty();
        assertThat(r.sessionOrThrow().memberships()).isEmpty();
    }

    @Test
    void unusedBitsSetInTheLastCharacterOfAnySegmentAreMalformedEvenWhenSigned() {
        String header = b64(rs256Header(KID));
        String payload = canonicalPayloadWithSpareBits();
        String signature = b64(rsaSign(header + "." + payload, KEY.getPrivate()));
        assertThat(verifier.verify(header + "." + payload + "." + signature).isValid()).isTrue();
        assertThat(header.length() % 4).as("the header has spare bits to set").isNotZero();
        assertThat(signature.length() % 4).as("an RS256 signature has spare bits to set").isNotZero();

        String oddHeader = withSpareBitSet(header);
        assertMalformed(oddHeader + "." + payload + "." + b64(rsaSign(oddHeader + "." + payload, KEY.getPrivate())),
                "the header segment is not canonical base64url");
        String oddPayload = withSpareBitSet(payload);
        assertMalformed(header + "." + oddPayload + "." + b64(rsaSign(header + "." + oddPayload, KEY.getPrivate())),
                "the payload segment is not canonical base64url");
        assertMalformed(header + "." + payload + "." + withSpareBitSet(signature),
                "the signature segment is not canonical base64url");
    }

    @Test
    void aSegmentOfImpossibleLengthOrWithPaddingIsMalformed() {
        String t = rs256(claims().build());
        String[] p = t.split("\\.");
        for (int i = 0; i < 3; i++) {
            String[] q = p.clone();
            q[i] = q[i].substring(0, q[i].length() - q[i].length() % 4) + "A";
            assertThat(verifier.verify(String.join(".", q)).failure()).isEqualTo(TokenFailure.MALFORMED);
        }
        assertThat(verifier.verify(p[0] + "." + p[1] + "." + p[2] + "==").failure()).isEqualTo(TokenFailure.MALFORMED);
    }

    /** A payload segment whose length leaves unused bits in its last character. */
    private static String canonicalPayloadWithSpareBits() {
        for (int pad = 0; ; pad++) {
            String payload = b64(claims().add("x", "y".repeat(pad)).build().toString());
            if (payload.length() % 4 != 0) {
                return payload;
            }
        }
    }

    /** The same bytes, spelled with the lowest unused bit of the last character set. */
    private static String withSpareBitSet(String segment) {
        int last = segment.length() - 1;
        int value = BASE64URL.indexOf(segment.charAt(last));
        assertThat(value & 1).as("canonical to start with").isZero();
        return segment.substring(0, last) + BASE64URL.charAt(value | 1);
    }

    private static JsonObjectBuilder membership() {
        return Json.createObjectBuilder().add("mid", "mb_1").add("oid", "org_1").add("perm",
                Json.createArrayBuilder().add("admin")).add("selected", true);
    }
}
