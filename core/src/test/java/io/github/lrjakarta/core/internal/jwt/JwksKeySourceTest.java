package io.github.lrjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.TokenFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The key cache's throttle, failure handling and single flight, on a hand-moved ticker. */
class JwksKeySourceTest {

    private static final KeyPair A = rsa();
    private static final KeyPair B = rsa();

    private final AtomicLong ticker = new AtomicLong(1_000_000_000L);
    private final FakeFetcher fetcher = new FakeFetcher();
    private final JwksKeySource source =
            new JwksKeySource(fetcher, ticker::get, Duration.ofSeconds(30), Duration.ofSeconds(5));

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String jwks(Map<String, PublicKey> keys) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        keys.forEach((kid, key) -> sb.append(sb.length() > 9 ? "," : "").append("{\"kid\":\"").append(kid)
                .append("\",\"x5c\":[\"").append(Base64.getEncoder().encodeToString(key.getEncoded())).append("\"]}"));
        return sb.append("]}").toString();
    }

    private void advance(Duration d) {
        ticker.addAndGet(d.toNanos());
    }

    /** Serves a settable body or failure; counts calls; can hold calls until released. */
    private static final class FakeFetcher implements JwksFetcher {
        final AtomicInteger calls = new AtomicInteger();
        volatile String body;
        volatile IOException failure;
        volatile CountDownLatch gate;

        @Override
        public byte[] fetch() throws IOException {
            calls.incrementAndGet();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            return body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "fake";
        }
    }

    @Test
    void fetchesLazilyAndLooksUpByKid() {
        fetcher.body = jwks(Map.of("a", A.getPublic(), "b", B.getPublic()));
        assertThat(fetcher.calls).hasValue(0);
        assertThat(source.resolve("a").key()).isNotNull();
        assertThat(source.resolve("b").key()).isNotNull();
        assertThat(source.keyCount()).isEqualTo(2);
        assertThat(fetcher.calls).hasValue(1);
    }

    @Test
    void unknownKidsRefetchAtMostOncePerInterval() {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        source.resolve("a");
        for (int i = 0; i < 1_000; i++) {
            assertThat(source.resolve("forged-" + i).failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
        }
        assertThat(fetcher.calls).as("the first fetch does not count against the limit").hasValue(2);
        advance(Duration.ofSeconds(29));
        source.resolve("forged-x");
        assertThat(fetcher.calls).hasValue(2);
        advance(Duration.ofSeconds(1));
        assertThat(source.resolve("forged-y").detail()).contains("just refetched");
        assertThat(fetcher.calls).hasValue(3);
        source.resolve("forged-z");
        assertThat(fetcher.calls).hasValue(3);
    }

    @Test
    void aFailedFirstFetchCountsAgainstTheLimitOfItsShortPause() {
        fetcher.failure = new IOException("HTTP status 503 (expected 200)");
        assertThat(source.resolve("a").failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(source.resolve("a").failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(fetcher.calls).hasValue(1);
        advance(JwksKeySource.FAILURE_RETRY);
        fetcher.failure = null;
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        assertThat(source.resolve("a").key()).isNotNull();
        assertThat(source.resolve("b").failure()).as("one refetch").isEqualTo(TokenFailure.UNKNOWN_KEY);
        assertThat(source.resolve("c").detail()).contains("not refetched");
        assertThat(fetcher.calls).hasValue(3);
    }

    @Test
    void aNewKidIsPickedUpAndAWithdrawnOneDropped() {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        source.resolve("a");
        fetcher.body = jwks(Map.of("b", B.getPublic()));
        advance(Duration.ofSeconds(31));
        assertThat(source.resolve("b").key()).isNotNull();
        assertThat(source.resolve("a").failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
    }

    @Test
    void unchangedKeysKeepTheirVerifierObject() {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        VerificationKey before = source.resolve("a").key();
        fetcher.body = jwks(Map.of("a", A.getPublic(), "b", B.getPublic()));
        advance(Duration.ofMinutes(1));
        source.resolve("b");
        assertThat(source.resolve("a").key()).isSameAs(before);
    }

    @Test
    void failuresKeepTheKeysAndRetryAfterOneSecond() {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        source.resolve("a");
        advance(Duration.ofMinutes(1));
        fetcher.failure = new IOException("HTTP status 503 (expected 200)");
        KeyResolution r = source.resolve("b");
        assertThat(r.failure()).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(r.detail()).contains("503");
        assertThat(source.resolve("a").key()).as("old keys kept").isNotNull();
        assertThat(source.resolve("b").failure()).as("throttled, reports the last failure")
                .isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(fetcher.calls).hasValue(2);
        advance(Duration.ofMillis(999));
        source.resolve("b");
        assertThat(fetcher.calls).hasValue(2);
        advance(Duration.ofMillis(1));
        fetcher.failure = null;
        fetcher.body = jwks(Map.of("a", A.getPublic(), "b", B.getPublic()));
        assertThat(source.resolve("b").key()).isNotNull();
        assertThat(fetcher.calls).hasValue(3);
    }

    @Test
    void unusableKeySetsAreFailuresThatKeepTheKeys() {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        source.resolve("a");
        for (String body : new String[] {"{\"keys\":[]}", "<html>", "{\"keys\":[{\"kid\":\"x\",\"kty\":\"EC\"}]}"}) {
            advance(Duration.ofMinutes(1));
            fetcher.body = body;
            assertThat(source.resolve("b").failure()).as(body).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
            assertThat(source.resolve("a").key()).isNotNull();
        }
    }

    @Test
    void missingKidIsUnknownWithoutAFetch() {
        KeyResolution r = source.resolve(null);
        assertThat(r.failure()).isEqualTo(TokenFailure.UNKNOWN_KEY);
        assertThat(fetcher.calls).hasValue(0);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        fetcher.body = jwks(Map.of("a", A.getPublic()));
        fetcher.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<KeyResolution>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> source.resolve("a")));
            }
            while (fetcher.calls.get() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // let the others reach the in-flight fetch
            fetcher.gate.countDown();
            for (Future<KeyResolution> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).key()).isNotNull();
            }
            assertThat(fetcher.calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
