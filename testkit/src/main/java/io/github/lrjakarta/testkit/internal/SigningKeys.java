package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.TokenSigner;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

/**
 * The realm's current signer, replaced as a whole on rotation, so key and kid always change
 * together. Thread-safe.
 */
public final class SigningKeys {

    private volatile TokenSigner current;

    /** Starts with a given key pair and kid, or (both {@code null}) a generated RSA-2048 pair. */
    public SigningKeys(KeyPair pair, String kid) {
        this.current = pair == null ? TokenSigner.generate(Ids.random("jk_")) : TokenSigner.of(pair, kid);
    }

    /** Replaces the key with a new generated one; returns the new kid. */
    public String rotate() {
        TokenSigner next = TokenSigner.generate(Ids.random("jk_"));
        current = next;
        return next.kid();
    }

    public TokenSigner signer() {
        return current;
    }

    public String kid() {
        return current.kid();
    }

    public RSAPublicKey publicKey() {
        return current.publicKey();
    }

    /** Signs {@code claims} with the current key. */
    public String sign(JsonObject claims) {
        return current.sign(claims);
    }

    /** The key set {@code /connect/jwks} serves: the current key only. */
    public JsonObject jwks() {
        return current.jwks();
    }
}
