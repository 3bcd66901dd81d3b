package io.github.lrjakarta.core.internal.jwt;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;

/**
 * An RS256 key backed by the JDK's {@code SHA256withRSA}.
 *
 * <p>A {@link Signature} is not thread-safe, and creating and initialising one costs a provider
 * lookup and a key check on every call, so each thread keeps one already initialised for this key.
 * {@code verify} leaves it ready for the next verification with the same key. The thread-local's
 * values are JDK objects only, so a web application's class loader is not pinned by them.
 */
public final class RsaVerificationKey implements VerificationKey {

    private final RSAPublicKey key;
    private final ThreadLocal<Signature> signatures;

    public RsaVerificationKey(RSAPublicKey key) {
        this.key = key;
        this.signatures = ThreadLocal.withInitial(this::newSignature);
        newSignature(); // fail at construction, not on the first token, if the key is unusable
    }

    public RSAPublicKey publicKey() {
        return key;
    }

    @Override
    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.RS256;
    }

    @Override
    public boolean verify(byte[] signingInput, int length, byte[] signature) {
        Signature s = signatures.get();
        try {
            s.update(signingInput, 0, length);
            return s.verify(signature);
        } catch (SignatureException e) {
            // e.g. a signature of the wrong length; start from a fresh object to be safe
            signatures.remove();
            return false;
        }
    }

    private Signature newSignature() {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            return s;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA256withRSA is unavailable for this key: " + e.getMessage(), e);
        }
    }
}
