package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each key source verifies its own tokens and only those; build-time rules for key configuration. */
class TokenVerifierKeySourcesTest {

    private final Instant now = Instant.now();

    @Test
    void staticPemKeyVerifiesRs256() {
        LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.pem(TestTokens.KEY.getPublic()))
                .build();
        TokenVerification r = v.verify(TestTokens.rs256(TestTokens.claims(now).build()));
        assertThat(r.isValid()).as(r.detail()).isTrue();
        assertThat(r.sessionOrThrow().user().email()).contains("dana@example.org");
    }

    @Test
    void staticBareBase64KeyVerifiesRs256WithoutKid() {
        LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                .staticKey(TestTokens.spkiBase64(TestTokens.KEY.getPublic()))
                .build();
        String token = TestTokens.rs256("{\"alg\":\"RS256\"}", TestTokens.claims(now).build().toString(),
                TestTokens.KEY.getPrivate());
        assertThat(v.verify(token).isValid()).isTrue();
    }

    @Test
    void staticSecretVerifiesHs256Only() {
        LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder().staticKey(TestTokens.SECRET).build();
        String payload = TestTokens.claims(now).build().toString();
        String hs = TestTokens.hs256("{\"alg\":\"HS256\"}", payload, TestTokens.SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(hs).isValid()).isTrue();

        String rs = TestTokens.rs256(TestTokens.rs256Header(TestTokens.KID), payload, TestTokens.KEY.getPrivate());
        assertThat(v.verify(rs).failure()).isEqualTo(TokenFailure.UNSUPPORTED_ALGORITHM);

        String otherSecret = TestTokens.hs256("{\"alg\":\"HS256\"}", payload,
                "jsk_another-secret-of-enough-length-1234".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(otherSecret).failure()).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void jwksKeysVerifyByKidAndOthersDoNot() throws Exception {
        try (JwksStub stub = new JwksStub()) {
            stub.body(TestTokens.jwks(Map.of(TestTokens.KID, TestTokens.KEY.getPublic())));
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwksUri(stub.uri()).allowInsecureLoopback(true).build();
            assertThat(v.verify(TestTokens.rs256(TestTokens.claims(now).build())).isValid()).isTrue();

            String foreign = TestTokens.rs256(TestTokens.rs256Header(TestTokens.KID),
                    TestTokens.claims(now).build().toString(), TestTokens.OTHER_KEY.getPrivate());
            assertThat(v.verify(foreign).failure()).isEqualTo(TokenFailure.BAD_SIGNATURE);
            assertThat(stub.requests()).isEqualTo(1);
        }
    }

    @Test
    void jwksAcceptsModulusExponentKeys() throws Exception {
        try (JwksStub stub = new JwksStub()) {
            stub.body(Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                    .add(TestTokens.jwkNe(TestTokens.KID, TestTokens.KEY.getPublic()))).build().toString());
            LoginRocketTokenVerifier v = LoginRocketTokenVerifier.builder()
                    .jwksUri(stub.uri()).allowInsecureLoopback(true).build();
            assertThat(v.verify(TestTokens.rs256(TestTokens.claims(now).build())).isValid()).isTrue();
        }
    }

    @Test
    void plainHttpJwksNeedsExplicitLoopbackPermission() {
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder()
                        .jwksUri(java.net.URI.create("http://127.0.0.1:1/connect/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow-insecure-loopback");
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder()
                        .jwksUri(java.net.URI.create("http://example.org/connect/jwks"))
                        .allowInsecureLoopback(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void exactlyOneKeySource() {
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().build())
                .hasMessageContaining("no key source");
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder()
                        .staticKey(TestTokens.SECRET)
                        .jwks(LoginRocketUrl.parse("https://x.e2.loginrocket.com", false))
                        .build())
                .hasMessageContaining("two key sources");
    }

    @Test
    void shortSecretsAndShortPemKeysAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().staticKey("jsk_short").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("jsk_short");
        String shortPem = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL\n-----END PUBLIC KEY-----";
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().staticKey(shortPem).build())
                .hasMessageContaining("looks like a PEM key");
    }

    @Test
    void durationsAreValidated() {
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().leeway(Duration.ofSeconds(-1)))
                .hasMessageContaining("leeway");
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().staticKey(TestTokens.SECRET)
                        .leeway(Duration.ofHours(1)).build())
                .hasMessageContaining("at most 5 minutes");
        assertThatThrownBy(() -> LoginRocketTokenVerifier.builder().cacheSize(-1)).hasMessageContaining("cacheSize");
    }
}
