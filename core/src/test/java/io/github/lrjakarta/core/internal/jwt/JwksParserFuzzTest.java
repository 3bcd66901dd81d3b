package io.github.lrjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes {@link JwksParser}, which reads what the key-set URL serves (a compromised or spoofed
 * endpoint, or a proxy's error page). Regression inputs live under {@code
 * JwksParserFuzzTestInputs/<method>/}.
 *
 * <p>Invariants: the parser returns a result or throws {@link IllegalArgumentException}, nothing
 * else; every key it keeps is RSA of at least 2048 bits; the reasons it gives for skipped keys
 * (they go to the log) carry no control characters; and in the structured target, a well-formed
 * key under a kid used once is always kept, a kid used twice never.
 */
class JwksParserFuzzTest {

    private static final RSAPublicKey KEY = rsa();

    private static RSAPublicKey rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return (RSAPublicKey) g.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void arbitraryBytes(byte[] body) {
        checked(body);
    }

    @FuzzTest(maxDuration = "3m")
    void keysOfEveryShape(FuzzedDataProvider data) {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        Map<String, Integer> goodUses = new HashMap<>();
        Set<String> allKids = new HashSet<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String kid = data.pickValue(new String[] {"k1", "k2", "k3", ""}) + (data.consumeBoolean() ? "" : data.consumeString(6));
            boolean good = data.consumeBoolean();
            JsonObjectBuilder jwk = Json.createObjectBuilder().add("kid", kid);
            if (good) {
                if (data.consumeBoolean()) {
                    jwk.add("x5c", Json.createArrayBuilder().add(Base64.getEncoder().encodeToString(KEY.getEncoded())));
                } else {
                    jwk.add("n", b64url(KEY.getModulus())).add("e", b64url(KEY.getPublicExponent()));
                }
                jwk.add("kty", "RSA").add("alg", "RS256").add("use", "sig");
                if (!kid.isEmpty()) {
                    goodUses.merge(kid, 1, Integer::sum);
                }
            } else {
                // each member either plausible or fuzzed
                jwk.add("kty", data.consumeBoolean() ? "RSA" : data.consumeString(8));
                jwk.add("alg", data.consumeBoolean() ? "RS256" : data.consumeString(8));
                jwk.add("use", data.consumeBoolean() ? "sig" : data.consumeString(8));
                if (data.consumeBoolean()) {
                    jwk.add("n", data.consumeString(400)).add("e", data.consumeString(8));
                }
                if (data.consumeBoolean()) {
                    jwk.add("x5c", Json.createArrayBuilder().add(data.consumeBoolean()
                            ? Base64.getEncoder().encodeToString(data.consumeBytes(600))
                            : data.consumeString(200)));
                }
            }
            if (!kid.isEmpty()) {
                allKids.add(kid);
                if (!good) {
                    goodUses.merge(kid, 100, Integer::sum); // a bad entry under the kid: do not predict
                }
            }
            keys.add(jwk);
        }
        byte[] body = Json.createObjectBuilder().add("keys", keys).build().toString().getBytes(StandardCharsets.UTF_8);

        JwksParser.Result r = checked(body);

        assertThat(r).isNotNull();
        assertThat(allKids).containsAll(r.keys.keySet());
        goodUses.forEach((kid, uses) -> {
            if (uses == 1) {
                assertThat(r.keys).as("kid %s", kid).containsEntry(kid, KEY);
            } else if (uses > 1 && uses < 100) {
                assertThat(r.keys).as("kid %s used %d times", kid, uses).doesNotContainKey(kid);
            }
        });
    }

    private static JwksParser.Result checked(byte[] body) {
        JwksParser.Result[] out = new JwksParser.Result[1];
        Throwable t = catchThrowable(() -> out[0] = JwksParser.parse(body, body.length));
        if (t != null) {
            assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(t.getMessage()).doesNotContainPattern("\\p{Cntrl}");
            return null;
        }
        JwksParser.Result r = out[0];
        for (RSAPublicKey k : r.keys.values()) {
            assertThat(k.getModulus().bitLength()).isGreaterThanOrEqualTo(PublicKeys.MIN_RSA_BITS);
        }
        for (String reason : r.skipped) {
            assertThat(reason).doesNotContainPattern("\\p{Cntrl}");
        }
        return r;
    }

    private static String b64url(BigInteger i) {
        byte[] b = i.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
