package io.github.lrjakarta.benchmarks.token;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * One realistic LoginRocket login token (the claims of loginrocket-api.md E16, RS256 with a
 * 2048-bit key, about 1 KB), shared by every contender so they all verify the same bytes.
 */
final class TokenFixture {

    static final String KID = "jk_01HZX3";

    final KeyPair keys;
    final String token;
    final String pem;

    TokenFixture() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        token = sign(claims(Instant.now()).build().toString());
        pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A token with the same shape and a different session id, e.g. to fill a cache. */
    String variant(int i) {
        return sign(claims(Instant.now()).add("sid", "kss_bench" + i).build().toString());
    }

    private String sign(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}";
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(keys.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObjectBuilder claims(Instant now) {
        return Json.createObjectBuilder()
                .add("iss", "https://authrocket.com")
                .add("sub", "usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0")
                .add("sid", "kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .add("rid", "rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8")
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + 86_400)
                .add("name", "Dana Rivera")
                .add("given_name", "Dana")
                .add("family_name", "Rivera")
                .add("preferred_username", "DanaR")
                .add("email", "dana@example.org")
                .add("email_verified", true)
                .add("locale", "en")
                .add("ref", "crm-4411")
                .add("cs", Json.createObjectBuilder().add("plan", "pro"))
                .add("orgs", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("mid", "mb_8Zx7Yw6Vu5Ts4Rq3Po2Nm1")
                        .add("oid", "org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1")
                        .add("name", "Rivera Labs")
                        .add("perm", Json.createArrayBuilder().add("admin"))
                        .add("selected", true)
                        .addNull("ref")
                        .add("cs", Json.createObjectBuilder())));
    }
}
