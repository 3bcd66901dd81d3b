package io.github.lrjakarta.core;

import io.github.lrjakarta.testkit.LoginTokenClaims;
import io.github.lrjakarta.testkit.TokenSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test tokens for the verifier, including forged ones that no real issuer would produce, made by
 * the testkit's {@link TokenSigner}: an implementation independent of the verifier under test.
 */
final class TestTokens {

    static final String KID = "jk_test1";
    static final TokenSigner SIGNER = TokenSigner.generate(KID);
    static final TokenSigner OTHER_SIGNER = TokenSigner.generate("jk_other");
    static final KeyPair KEY = SIGNER.keyPair();
    static final KeyPair OTHER_KEY = OTHER_SIGNER.keyPair();
    static final String SECRET = "jsk_0123456789abcdefghijklmnopqrstuvwxyz";

    private TestTokens() {}

    static String b64(byte[] bytes) {
        return TokenSigner.base64Url(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Claims shaped like a LoginRocket token (the testkit's sample: Dana Rivera), issued at {@code now}, valid 1 h. */
    static JsonObjectBuilder claims(Instant now) {
        return Json.createObjectBuilder(LoginTokenClaims.sample(now).toJson());
    }

    static String rs256Header(String kid) {
        return TokenSigner.header(kid);
    }

    /** RS256 over arbitrary header and payload text (which need not be JSON), with {@link #KEY} or {@link #OTHER_KEY}. */
    static String rs256(String header, String payload, PrivateKey key) {
        return signerOf(key).sign(header, payload);
    }

    static String rs256(JsonObject claims) {
        return SIGNER.sign(claims);
    }

    /**
     * A raw RS256 signature over segments exactly as given: for forged tokens whose segments are not
     * canonical base64url, which {@link TokenSigner} (it encodes for you) cannot produce.
     */
    static byte[] rsaSign(String signingInput, PrivateKey key) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static TokenSigner signerOf(PrivateKey key) {
        if (key.equals(KEY.getPrivate())) {
            return SIGNER;
        }
        if (key.equals(OTHER_KEY.getPrivate())) {
            return OTHER_SIGNER;
        }
        throw new IllegalArgumentException("sign with TestTokens.KEY or OTHER_KEY");
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
        return TokenSigner.pem(key);
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
