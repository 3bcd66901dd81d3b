package io.github.lrjakarta.core;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints test tokens with the JDK alone, including forged ones that no real issuer would produce. */
final class TestTokens {

    static final KeyPair KEY = rsa();
    static final KeyPair OTHER_KEY = rsa();
    static final String KID = "jk_test1";
    static final String SECRET = "jsk_0123456789abcdefghijklmnopqrstuvwxyz";

    private TestTokens() {}

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Claims shaped like a LoginRocket token (loginrocket-api.md E16), issued at {@code now}, valid 1 h. */
    static JsonObjectBuilder claims(Instant now) {
        return Json.createObjectBuilder()
                .add("iss", "https://authrocket.com")
                .add("sub", "usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0")
                .add("sid", "kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .add("rid", "rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8")
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + 3600)
                .add("name", "Dana Rivera")
                .add("given_name", "Dana")
                .add("family_name", "Rivera")
                .add("preferred_username", "DanaR")
                .add("email", "dana@example.org")
                .add("email_verified", true)
                .add("locale", "en")
                .add("ref", "crm-4411")
                .add("cs", Json.createObjectBuilder().add("plan", "pro"))
                .add("orgs", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("mid", "mb_8Zx7Yw6Vu5Ts4Rq3Po2Nm1")
                        .add("oid", "org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1")
                        .add("name", "Rivera Labs")
                        .add("perm", Json.createArrayBuilder().add("admin"))
                        .add("selected", true)
                        .addNull("ref")
                        .add("cs", Json.createObjectBuilder())));
    }

    static String rs256Header(String kid) {
        return "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
    }

    /** RS256 over arbitrary header and payload text (which need not be JSON). */
    static String rs256(String header, String payload, PrivateKey key) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + b64(rsaSign(input, key));
    }

    static String rs256(JsonObject claims) {
        return rs256(rs256Header(KID), claims.toString(), KEY.getPrivate());
    }

    static byte[] rsaSign(String input, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String hs256(String header, String payload, byte[] secret) {
        String input = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String spkiBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A key set as LoginRocket serves it: x5c[0] is a bare SubjectPublicKeyInfo. */
    static String jwks(Map<String, PublicKey> keys) {
        var arr = Json.createArrayBuilder();
        keys.forEach((kid, key) -> arr.add(Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("kid", kid)
                .add("alg", "RS256")
                .add("use", "sig")
                .add("x5c", Json.createArrayBuilder().add(spkiBase64(key)))));
        return Json.createObjectBuilder().add("keys", arr).build().toString();
    }

    /** A JWK with only n and e (RFC 7517 style). */
    static JsonObject jwkNe(String kid, PublicKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key;
        return Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("kid", kid)
                .add("n", b64(unsigned(rsa.getModulus().toByteArray())))
                .add("e", b64(unsigned(rsa.getPublicExponent().toByteArray())))
                .build();
    }

    private static byte[] unsigned(byte[] twos) {
        return twos.length > 1 && twos[0] == 0 ? java.util.Arrays.copyOfRange(twos, 1, twos.length) : twos;
    }
}
