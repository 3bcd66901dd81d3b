package io.github.lrjakarta.benchmarks.token;

import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Heap retained per verified-token cache entry beyond the session it holds.
 *
 * <p>Verifies the same N distinct tokens twice: (A) cache off, keeping every outcome in a list, and
 * (B) cache of N entries, keeping nothing but the verifier. Both retain N sessions (each holding its
 * token, shared with the token list that stays alive throughout); B minus A is the cache's own
 * structures per entry (minus one list slot). HS256 tokens make minting 10,000 of them quick; the
 * session model is the same as for RS256.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -Xmx512m -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.token.CacheFootprint [entries]}.
 */
public final class CacheFootprint {

    private static final String SECRET = "jsk_benchmark_secret_0123456789abcdefghijklmnop";

    private CacheFootprint() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> tokens = new ArrayList<>(n);
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long now = System.currentTimeMillis() / 1000;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (int i = 0; i < n; i++) {
            String payload = "{\"iss\":\"https://authrocket.com\",\"sub\":\"usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0\",\"sid\":\"kss_"
                    + String.format("%022d", i) + "\",\"rid\":\"rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8\",\"iat\":" + now + ",\"exp\":"
                    + (now + 86_400) + ",\"name\":\"Dana Rivera\",\"given_name\":\"Dana\",\"family_name\":\"Rivera\","
                    + "\"preferred_username\":\"DanaR\",\"email\":\"dana@example.org\",\"email_verified\":true,"
                    + "\"locale\":\"en\",\"ref\":\"crm-4411\",\"cs\":{\"plan\":\"pro\"},\"orgs\":[{\"mid\":"
                    + "\"mb_8Zx7Yw6Vu5Ts4Rq3Po2Nm1\",\"oid\":\"org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1\",\"name\":\"Rivera Labs\","
                    + "\"perm\":[\"admin\"],\"selected\":true,\"ref\":null,\"cs\":{}}]}";
            String input = header + "." + b64(payload);
            tokens.add(input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
        }

        long base = used();
        LoginRocketTokenVerifier off = LoginRocketTokenVerifier.builder().staticKey(SECRET).cacheSize(0).build();
        List<TokenVerification> kept = new ArrayList<>(n);
        for (String t : tokens) {
            kept.add(check(off.verify(t)));
        }
        long withoutCache = used() - base;
        Reference.reachabilityFence(kept);
        kept = null;

        base = used();
        LoginRocketTokenVerifier on = LoginRocketTokenVerifier.builder().staticKey(SECRET).cacheSize(n).build();
        for (String t : tokens) {
            check(on.verify(t));
        }
        long withCache = used() - base;
        for (String t : tokens) {
            if (on.verify(new String(t.toCharArray())) == null) {
                throw new IllegalStateException();
            }
        }
        Reference.reachabilityFence(on);

        System.out.printf(Locale.ROOT, "entries=%d token=%d chars%n", n, tokens.get(0).length());
        System.out.printf(Locale.ROOT, "A outcomes kept in a list (cache off): %8.0f bytes/token%n", (double) withoutCache / n);
        System.out.printf(Locale.ROOT, "B outcomes kept by the cache         : %8.0f bytes/token%n", (double) withCache / n);
        System.out.printf(Locale.ROOT, "cache overhead per entry (B - A)     : %8.0f bytes%n",
                (double) (withCache - withoutCache) / n);
        Reference.reachabilityFence(tokens);
    }

    private static TokenVerification check(TokenVerification v) {
        if (!v.isValid()) {
            throw new IllegalStateException(v.toString());
        }
        return v;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
