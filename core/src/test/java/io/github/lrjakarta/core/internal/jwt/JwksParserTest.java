package io.github.lrjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwksParserTest {

    private static final KeyPair A = rsa(2048);
    private static final KeyPair B = rsa(2048);

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String b64url(BigInteger i) {
        byte[] b = i.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static JsonObjectBuilder spkiKey(String kid, PublicKey key) {
        return Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("alg", "RS256").add("use", "sig")
                .add("x5c", Json.createArrayBuilder().add(b64(key.getEncoded())));
    }

    private static JwksParser.Result parse(JsonArrayBuilder keys) {
        byte[] body = Json.createObjectBuilder().add("keys", keys).build().toString().getBytes(StandardCharsets.UTF_8);
        return JwksParser.parse(body, body.length);
    }

    @Test
    void readsLoginRocketsBareSpkiInX5c() {
        JwksParser.Result r = parse(Json.createArrayBuilder().add(spkiKey("k1", A.getPublic())).add(spkiKey("k2", B.getPublic())));
        assertThat(r.keys).containsOnlyKeys("k1", "k2");
        assertThat(r.keys.get("k1")).isEqualTo(A.getPublic());
        assertThat(r.skipped).isEmpty();
    }

    @Test
    void readsACertificateInX5c() {
        try (LoginRocketEmulator tls = LoginRocketEmulator.builder().tls(true).start()) {
            String der = b64(tls.certificate().getEncoded());
            JwksParser.Result r = parse(Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("kid", "cert").add("x5c", Json.createArrayBuilder().add(der))));
            assertThat(r.keys.get("cert")).isEqualTo(tls.certificate().getPublicKey());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsModulusAndExponent() {
        RSAPublicKey pub = (RSAPublicKey) A.getPublic();
        JwksParser.Result r = parse(Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("kid", "ne").add("n", b64url(pub.getModulus())).add("e", b64url(pub.getPublicExponent()))));
        assertThat(r.keys.get("ne")).isEqualTo(pub);
    }

    @Test
    void skipsKeysItMustNotTrust() {
        RSAPublicKey b = (RSAPublicKey) B.getPublic();
        JwksParser.Result r = parse(Json.createArrayBuilder()
                .add(spkiKey("good", A.getPublic()))
                .add(spkiKey("ec", A.getPublic()).add("kty", "EC"))
                .add(spkiKey("enc", A.getPublic()).add("use", "enc"))
                .add(spkiKey("hs", A.getPublic()).add("alg", "HS256"))
                .add(spkiKey("mismatch", A.getPublic()).add("n", b64url(b.getModulus())).add("e", "AQAB"))
                .add(spkiKey("exponent", A.getPublic())
                        .add("n", b64url(((RSAPublicKey) A.getPublic()).getModulus())).add("e", "Aw"))
                .add(spkiKey("small", rsa(1024).getPublic()))
                .add(spkiKey("dup", A.getPublic()))
                .add(spkiKey("dup", B.getPublic()))
                .add(Json.createObjectBuilder().add("kid", "empty"))
                .add(Json.createObjectBuilder().add("kid", "junk").add("x5c", Json.createArrayBuilder().add("!!!")))
                .add(Json.createObjectBuilder().add("kid", "notder").add("x5c", Json.createArrayBuilder().add("AAAA")))
                .add(spkiKey("", A.getPublic()))
                .add(Json.createObjectBuilder().add("kid", 5))
                .add("not an object"));
        assertThat(r.keys).containsOnlyKeys("good");
        assertThat(r.skipped).as("two entries under kid dup give one line").hasSize(13);
        assertThat(String.join("\n", r.skipped))
                .contains("'kty' is not RSA", "'use' is not sig", "'alg' is not RS256", "hold different keys",
                        "too small", "appears more than once", "neither 'x5c' nor 'n'/'e'", "not base64", "no 'kid'");
    }

    @Test
    void rejectsBodiesThatAreNotKeySets() {
        for (String body : new String[] {"[]", "{}", "{\"keys\":{}}", "<html>", ""}) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> JwksParser.parse(b, b.length)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void staticKeyClassificationFollowsTheOfficialLibraries() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + b64(A.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        assertThat(StaticKeySource.of(pem).algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(StaticKeySource.of(b64(A.getPublic().getEncoded())).algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(StaticKeySource.of("  jsk_" + "x".repeat(40) + "\n").algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(StaticKeySource.of("jsk_" + "x".repeat(252)).algorithm()).as("256 chars: a secret")
                .isEqualTo(JwsAlgorithm.HS256);
        assertThatThrownBy(() -> StaticKeySource.of("jsk_" + "x".repeat(253))).as("257 chars: must be an RSA key")
                .hasMessageContaining("read as an RSA public key");
        assertThatThrownBy(() -> StaticKeySource.of("-----BEGIN RSA PUBLIC KEY-----\n" + "A".repeat(300)
                + "\n-----END RSA PUBLIC KEY-----")).hasMessageContaining("only a PEM 'PUBLIC KEY'");
    }
}
