package io.github.lrjakarta.core.internal.jwt;

import java.nio.charset.StandardCharsets;

/**
 * A single key configured up front ({@code loginrocket.jwt.key}); the token's {@code kid} is not
 * needed.
 *
 * <p>The string is classified the way AuthRocket's own libraries do: longer than 256 characters it
 * is an RSA public key (PEM or bare base64) and pins RS256; otherwise it is an HS256 secret (a
 * realm's {@code jsk_…} value, used whole, prefix included, as UTF-8 bytes) and pins HS256.
 */
public final class StaticKeySource implements KeySource {

    /** The official libraries' threshold between an HS256 secret and an RSA public key. */
    public static final int SECRET_MAX_LENGTH = 256;

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
    static final int SECRET_MIN_BYTES = 32;

    private final VerificationKey key;
    private final String description;

    private StaticKeySource(VerificationKey key, String description) {
        this.key = key;
        this.description = description;
    }

    /**
     * Classifies and decodes a configured key.
     *
     * @throws IllegalArgumentException naming {@code loginrocket.jwt.key} if the key is unusable; the
     *     message never contains the key
     */
    public static StaticKeySource of(String configured) {
        String k = configured.trim();
        if (k.length() > SECRET_MAX_LENGTH) {
            try {
                return new StaticKeySource(
                        new RsaVerificationKey(PublicKeys.fromPemOrBase64(k)), "the static RSA key (loginrocket.jwt.key)");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("loginrocket.jwt.key is longer than " + SECRET_MAX_LENGTH
                        + " characters, so it is read as an RSA public key, but " + e.getMessage());
            }
        }
        if (k.contains("-----BEGIN")) {
            // Using a public key as an HMAC secret would let anyone who has it forge tokens.
            throw new IllegalArgumentException("loginrocket.jwt.key looks like a PEM key but has only " + k.length()
                    + " characters; RSA keys must be at least " + PublicKeys.MIN_RSA_BITS
                    + " bits, and a key this short would be treated as an HS256 secret");
        }
        byte[] secret = k.getBytes(StandardCharsets.UTF_8);
        if (secret.length < SECRET_MIN_BYTES) {
            throw new IllegalArgumentException("loginrocket.jwt.key is read as an HS256 secret (" + SECRET_MAX_LENGTH
                    + " characters or fewer) but has only " + secret.length + " bytes; HS256 needs at least "
                    + SECRET_MIN_BYTES + ". Use the realm's full jsk_ secret, or its RSA public key");
        }
        return new StaticKeySource(new HmacVerificationKey(secret), "the static HS256 secret (loginrocket.jwt.key)");
    }

    @Override
    public JwsAlgorithm algorithm() {
        return key.algorithm();
    }

    @Override
    public KeyResolution resolve(String kid) {
        return KeyResolution.found(key);
    }

    @Override
    public String describe() {
        return description;
    }
}
