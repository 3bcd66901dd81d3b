package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    static final TokenSigner SIGNER = TokenSigner.generate("jk_test");
    static final Instant NOW = Instant.parse("2026-03-03T17:04:05Z");

    @Test
    void signsLoginTokenClaimsUnderLoginRocketsHeader() throws Exception {
        String token = SIGNER.sign(LoginTokenClaims.sample(NOW));

        assertThat(TokenSigner.decodeHeader(token)).isEqualTo(Json.createObjectBuilder()
                .add("alg", "RS256").add("kid", "jk_test").add("typ", "JWT").build());
        JsonObject claims = TokenSigner.decodePayload(token);
        assertThat(claims.getString("iss")).isEqualTo("https://authrocket.com");
        assertThat(claims.getString("sub")).isEqualTo("usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0");
        assertThat(claims.getString("name")).isEqualTo("Dana Rivera");
        assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 3600);
        assertThat(claims.containsKey("aud")).isFalse();
        JsonObject org = claims.getJsonArray("orgs").getJsonObject(0);
        assertThat(org.getString("oid")).isEqualTo("org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1");
        assertThat(org.getBoolean("selected")).isTrue();
        assertThat(org.isNull("ref")).isTrue();
        assertThat(Jwt.verifies(token, SIGNER.publicKey())).isTrue();
        assertThat(Jwt.verifies(token, TokenSigner.generate().publicKey())).isFalse();
    }

    @Test
    void signsAnyHeaderAndPayloadForForgedTokens() throws Exception {
        String forged = SIGNER.sign("{\"alg\":\"none\"}", "not json");
        String[] parts = forged.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]))).isEqualTo("{\"alg\":\"none\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]))).isEqualTo("not json");
        assertThat(Jwt.verifies(forged, SIGNER.publicKey())).isTrue();
        assertThatThrownBy(() -> TokenSigner.decodePayload(forged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenSigner.decodeHeader("a.b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimsChangeThroughTheBuilder() {
        LoginTokenClaims sample = LoginTokenClaims.sample(NOW);
        LoginTokenClaims other = sample.toBuilder().issuer("https://evil.example").givenName(null).familyName(null)
                .membership("mb_1", "org_2", "Other", List.of("read", "write")).build();
        JsonObject claims = other.toJson();
        assertThat(claims.getString("iss")).isEqualTo("https://evil.example");
        assertThat(claims.containsKey("name")).as("no name without given and family name").isFalse();
        assertThat(claims.getJsonArray("orgs").getJsonObject(0).getJsonArray("perm").getValuesAs(
                jakarta.json.JsonString::getString)).containsExactly("read", "write");
        assertThat(sample.toJson().getString("iss")).as("the sample is unchanged").isEqualTo("https://authrocket.com");
        assertThatThrownBy(() -> LoginTokenClaims.builder().subject("usr_1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sessionId");
    }

    @Test
    void exportsThePublicKeyAsPemAndAsLoginRocketServesIt() throws Exception {
        String pem = SIGNER.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PublicKey fromPem = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        assertThat(fromPem).isEqualTo(SIGNER.publicKey());

        JsonObject jwk = SIGNER.jwk();
        assertThat(jwk.getString("kty")).isEqualTo("RSA");
        assertThat(jwk.getString("use")).isEqualTo("sig");
        assertThat(jwk.getString("e")).isEqualTo("AQAB");
        assertThat(new java.math.BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))))
                .isEqualTo(SIGNER.publicKey().getModulus());
        assertThat(Jwt.keyFromJwks(SIGNER.jwks(), "jk_test")).isEqualTo(SIGNER.publicKey());

        TokenSigner next = TokenSigner.generate("jk_next");
        assertThat(TokenSigner.jwks(List.of(SIGNER, next)).getJsonArray("keys").getValuesAs(JsonObject.class))
                .extracting(k -> k.getString("kid")).containsExactly("jk_test", "jk_next");
    }

    @Test
    void onlyRsaKeysSign() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        assertThatThrownBy(() -> TokenSigner.of(ec.generateKeyPair(), "jk_ec")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmulatorSignsWithItsSigner() throws Exception {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start()) {
            TokenSigner signer = emulator.signer();
            assertThat(signer.kid()).isEqualTo(emulator.signingKeyId());
            assertThat(signer.publicKeyPem()).isEqualTo(emulator.signingPublicKeyPem());
            String token = emulator.issueToken("dana@example.org");
            assertThat(Jwt.verifies(token, signer.publicKey())).isTrue();
            emulator.rotateSigningKey();
            assertThat(emulator.signer().kid()).isNotEqualTo(signer.kid());
        }
    }
}
