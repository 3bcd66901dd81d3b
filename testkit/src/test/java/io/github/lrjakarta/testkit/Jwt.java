package io.github.lrjakarta.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Test-side JWT reading and RS256 checking with the JDK only, as a verifier would do it. */
final class Jwt {

    private Jwt() {
    }

    static JsonObject header(String jwt) {
        return part(jwt, 0);
    }

    static JsonObject claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonObject part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
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
