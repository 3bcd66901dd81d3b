package io.github.lrjakarta.core.internal.jwt;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HS256 key (a realm's {@code jsk_…} secret). Each thread keeps an initialised {@link Mac};
 * {@code doFinal} resets it. The comparison is constant-time.
 */
public final class HmacVerificationKey implements VerificationKey {

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    public HmacVerificationKey(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac();
    }

    @Override
    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.HS256;
    }

    @Override
    public boolean verify(byte[] signingInput, int length, byte[] signature) {
        Mac mac = macs.get();
        mac.update(signingInput, 0, length);
        return MessageDigest.isEqual(mac.doFinal(), signature);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }
}
