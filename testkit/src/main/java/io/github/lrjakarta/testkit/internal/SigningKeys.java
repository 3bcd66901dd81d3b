package io.github.lrjakarta.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The realm's current RS256 signing key and its {@code kid}, and the JWKS document for it. Tokens
 * are minted with the JDK alone (no JOSE library), so the testkit does not depend on what it tests.
 * Thread-safe: the key and kid change together, atomically, on rotation.
 */
public final class SigningKeys {

    private record Current(KeyPair pair, String kid) {
    }

    private volatile Current current;

    /** Starts with a given key pair and kid, or (both {@code null}) a generated RSA-2048 pair. */
    public SigningKeys(KeyPair pair, String kid) {
        this.current = pair == null ? generate() : new Current(checkRsa(pair), Objects.requireNonNull(kid, "kid"));
    }

    private static KeyPair checkRsa(KeyPair pair) {
        if (!(pair.getPublic() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("the signing key must be an RSA key pair (RS256)");
        }
        return pair;
    }

    private static Current generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Current(generator.generateKeyPair(), Ids.random("jk_"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required by every Java platform", e);
        }
    }

    /** Replaces the key with a new generated one; returns the new kid. */
    public String rotate() {
        Current next = generate();
        current = next;
        return next.kid();
    }

    public String kid() {
        return current.kid();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) current.pair().getPublic();
    }

    /** Signs {@code claims} as a compact JWS with header {@code {"alg":"RS256","kid":…,"typ":"JWT"}}. */
    public String sign(JsonObject claims) {
        Current key = current;
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("kid", key.kid()).add("typ", "JWT").build();
        String signingInput = b64url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.pair().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a login token with the emulator key", e);
        }
    }

    /**
     * The JWKS: one key, with {@code x5c[0]} a base64 DER SubjectPublicKeyInfo (not a certificate),
     * exactly as LoginRocket's {@code /connect/jwks} serves it, plus {@code n}/{@code e}.
     */
    public JsonObject jwks() {
        Current key = current;
        RSAPublicKey pub = (RSAPublicKey) key.pair().getPublic();
        JsonObject jwk = Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("kid", key.kid())
                .add("alg", "RS256")
                .add("use", "sig")
                .add("n", b64url(unsigned(pub.getModulus())))
                .add("e", b64url(unsigned(pub.getPublicExponent())))
                .add("x5c", Json.createArrayBuilder().add(Base64.getEncoder().encodeToString(pub.getEncoded())))
                .build();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(jwk)).build();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
