package io.github.lrjakarta.benchmarks.token;

import io.github.lrjakarta.testkit.LoginTokenClaims;
import io.github.lrjakarta.testkit.TokenSigner;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * One realistic LoginRocket login token (the testkit's sample claims, RS256 with a 2048-bit key,
 * about 1 KB, valid a day), shared by every contender so they all verify the same bytes.
 */
final class TokenFixture {

    static final String KID = "jk_01HZX3";

    final KeyPair keys;
    final String token;
    final String pem;
    private final TokenSigner signer;

    TokenFixture() {
        signer = TokenSigner.generate(KID);
        keys = signer.keyPair();
        token = signer.sign(claims().build());
        pem = signer.publicKeyPem();
    }

    /** A token with the same shape and a different session id, e.g. to fill a cache. */
    String variant(int i) {
        return signer.sign(claims().sessionId("kss_bench" + i).build());
    }

    private static LoginTokenClaims.Builder claims() {
        Instant now = Instant.now();
        return LoginTokenClaims.sample(now).toBuilder().expiresAt(now.plus(Duration.ofDays(1)));
    }
}
