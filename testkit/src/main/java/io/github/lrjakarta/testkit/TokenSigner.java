package io.github.lrjakarta.testkit;

import io.github.lrjakarta.testkit.internal.Ids;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An RS256 key and its {@code kid} that signs tokens the way LoginRocket does, with no server: the
 * testkit's counterpart of OkHttp's {@code HeldCertificate} beside MockWebServer. The emulator signs
 * with one; tests of a verifier, a filter or an application use one directly.
 *
 * <pre>{@code
 * TokenSigner signer = TokenSigner.generate();
 * String token = signer.sign(LoginTokenClaims.sample(Instant.now()));
 * String forged = signer.sign("{\"alg\":\"none\"}", "{\"sub\":\"usr_x\"}"); // anything, for attack tests
 * verifierConfig.jwtKey(signer.publicKeyPem());                          // or serve signer.jwks()
 * }</pre>
 *
 * <p>It writes tokens with the JDK alone, never with the code under test: core's verifier and this
 * signer are two independent codecs on purpose, so a bug in one is caught by the other.
 * Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class TokenSigner {

    private final KeyPair keyPair;
    private final String kid;

    private TokenSigner(KeyPair keyPair, String kid) {
        if (!(keyPair.getPublic() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("the signing key must be an RSA key pair (RS256)");
        }
        this.keyPair = keyPair;
        this.kid = Objects.requireNonNull(kid, "kid");
    }

    /** A new RSA-2048 key under a random {@code jk_…} kid (a key takes some tens of milliseconds). */
    public static TokenSigner generate() {
        return generate(Ids.random("jk_"));
    }

    /** A new RSA-2048 key under the given kid. */
    public static TokenSigner generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenSigner(generator.generateKeyPair(), kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required by every Java platform", e);
        }
    }

    /** Signs with an existing RSA key pair. */
    public static TokenSigner of(KeyPair keyPair, String kid) {
        return new TokenSigner(Objects.requireNonNull(keyPair, "keyPair"), kid);
    }

    /** The key's id, the tokens' header {@code kid}. */
    public String kid() {
        return kid;
    }

    /** The key pair. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** The public key. */
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** A login token: {@code claims} under the header {@code {"alg":"RS256","kid":…,"typ":"JWT"}}. */
    public String sign(LoginTokenClaims claims) {
        return sign(claims.toJson());
    }

    /** Any claims under the header {@code {"alg":"RS256","kid":…,"typ":"JWT"}}: wrong issuers, odd lifetimes. */
    public String sign(JsonObject claims) {
        return sign(header(kid), claims.toString());
    }

    /**
     * A compact JWS of arbitrary header and payload text (neither need be JSON, nor the header say
     * RS256), signed RS256 with this key: the raw material of forged tokens.
     */
    public String sign(String header, String payload) {
        String input = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an RSA key", e);
        }
    }

    /** The header LoginRocket writes: {@code {"alg":"RS256","kid":…,"typ":"JWT"}}. */
    public static String header(String kid) {
        return Json.createObjectBuilder().add("alg", "RS256").add("kid", kid).add("typ", "JWT").build().toString();
    }

    /**
     * A token's header, decoded without checking anything.
     *
     * @throws IllegalArgumentException when it is not three dot-separated parts with a JSON object first
     */
    public static JsonObject decodeHeader(String token) {
        return decodePart(token, 0);
    }

    /**
     * A token's payload, decoded without checking the signature or any claim.
     *
     * @throws IllegalArgumentException when it is not three dot-separated parts with a JSON object second
     */
    public static JsonObject decodePayload(String token) {
        return decodePart(token, 1);
    }

    private static JsonObject decodePart(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("part " + (index + 1) + " of the token is not a JSON object", e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as a realm's {@code jwt_key} is given. */
    public String publicKeyPem() {
        return pem(publicKey());
    }

    /** Any public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, base64 DER SubjectPublicKeyInfo in 64-character lines). */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * The public key as LoginRocket's {@code /connect/jwks} serves it: {@code kty}, {@code kid},
     * {@code alg}, {@code use}, {@code n}, {@code e}, and {@code x5c[0]} a base64 DER
     * SubjectPublicKeyInfo (not a certificate).
     */
    public JsonObject jwk() {
        RSAPublicKey key = publicKey();
        return Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("alg", "RS256").add("use", "sig")
                .add("n", base64Url(unsigned(key.getModulus()))).add("e", base64Url(unsigned(key.getPublicExponent())))
                .add("x5c", Json.createArrayBuilder().add(Base64.getEncoder().encodeToString(key.getEncoded())))
                .build();
    }

    /** {@code {"keys":[jwk()]}}. */
    public JsonObject jwks() {
        return jwks(List.of(this));
    }

    /** A key set of several signers' keys, in order (for rotation tests). */
    public static JsonObject jwks(List<TokenSigner> signers) {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        signers.forEach(s -> keys.add(s.jwk()));
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    /** Base64url without padding, as in JWS. */
    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public String toString() {
        return "TokenSigner[RS256, kid " + kid + "]";
    }
}
