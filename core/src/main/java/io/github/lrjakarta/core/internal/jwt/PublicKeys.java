package io.github.lrjakarta.core.internal.jwt;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Decoding of RSA public keys in the forms LoginRocket and its users hand them out. */
public final class PublicKeys {

    /** RSA keys below this size are refused: they are factorable and LoginRocket does not issue them. */
    public static final int MIN_RSA_BITS = 2048;

    private PublicKeys() {}

    /**
     * An RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}) or bare base64 of a DER
     * SubjectPublicKeyInfo, as in a realm's {@code jwt_key}.
     *
     * @throws IllegalArgumentException if it is neither, or not an RSA key of at least 2048 bits
     */
    public static RSAPublicKey fromPemOrBase64(String text) {
        String body = text.trim();
        if (body.startsWith("-----BEGIN")) {
            if (!body.startsWith("-----BEGIN PUBLIC KEY-----") || !body.contains("-----END PUBLIC KEY-----")) {
                throw new IllegalArgumentException("only a PEM 'PUBLIC KEY' (SubjectPublicKeyInfo) is supported;"
                        + " convert an 'RSA PUBLIC KEY' or certificate with: openssl rsa -pubin -RSAPublicKey_in -pubout");
            }
            body = body.substring("-----BEGIN PUBLIC KEY-----".length(), body.indexOf("-----END PUBLIC KEY-----"));
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the RSA public key is neither PEM nor base64");
        }
        return fromSpki(der);
    }

    /** An RSA key from DER SubjectPublicKeyInfo (what LoginRocket puts in {@code x5c[0]}). */
    public static RSAPublicKey fromSpki(byte[] der) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo holding an RSA key");
        }
        return checked(key);
    }

    /** The RSA key of a DER X.509 certificate (what RFC 7517 puts in {@code x5c[0]}). */
    public static RSAPublicKey fromCertificate(byte[] der) {
        PublicKey key;
        try {
            key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate");
        }
        return checked(key);
    }

    /** An RSA key from a JWK's base64url {@code n} and {@code e}. */
    public static RSAPublicKey fromModulusExponent(String n, String e) {
        PublicKey key;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            BigInteger modulus = new BigInteger(1, d.decode(n));
            BigInteger exponent = new BigInteger(1, d.decode(e));
            key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("'n'/'e' are not a valid base64url RSA modulus and exponent");
        }
        return checked(key);
    }

    private static RSAPublicKey checked(PublicKey key) {
        if (!(key instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("not an RSA key (" + key.getAlgorithm() + ")");
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA key of " + rsa.getModulus().bitLength()
                    + " bits is too small; at least " + MIN_RSA_BITS + " are required");
        }
        return rsa;
    }
}
