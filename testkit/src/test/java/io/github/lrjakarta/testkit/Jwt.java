package io.github.lrjakarta.testkit;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RS256 checking with the JDK only, as a verifier would do it: the tests check the emulator's tokens
 * with this, not with {@link TokenSigner} that made them.
 */
final class Jwt {

    private Jwt() {
    }

    /** The key of {@code kid} from a JWKS document, read from x5c[0] as SubjectPublicKeyInfo. */
    static PublicKey keyFromJwks(JsonObject jwks, String kid) throws GeneralSecurityException {
        for (JsonObject key : jwks.getJsonArray("keys").getValuesAs(JsonObject.class)) {
            if (key.getString("kid").equals(kid)) {
                byte[] spki = Base64.getDecoder().decode(key.getJsonArray("x5c").getString(0));
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
            }
        }
        return null;
    }

    static boolean verifies(String jwt, PublicKey key) throws GeneralSecurityException {
        int lastDot = jwt.lastIndexOf('.');
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
    }
}
