package io.github.lrjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.TokenVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    // the cache stores whatever outcome it is given; a failure object is a convenient stand-in
    private static TokenVerification outcome(int i) {
        return TokenVerification.invalid(TokenFailure.MALFORMED, "stand-in " + i);
    }

    /** Tokens that share their last 16 characters (and length), so they share a bucket hash. */
    private static String sameSuffix(int i) {
        return String.format("%08d", i) + ".payload.SIGNATURE-SUFFIX-0123456789";
    }

    @Test
    void hitsOnlyForTheIdenticalToken() {
        VerifiedTokenCache c = new VerifiedTokenCache(10);
        c.put(sameSuffix(1), outcome(1), 1_000, 0);
        assertThat(c.get(sameSuffix(1), 0)).isNotNull();
        assertThat(c.get(sameSuffix(2), 0)).as("colliding hash, different token").isNull();
        assertThat(c.get(sameSuffix(1) + "x", 0)).isNull();
    }

    @Test
    void collidingTokensAreKeptApart() {
        VerifiedTokenCache c = new VerifiedTokenCache(100);
        for (int i = 0; i < 50; i++) {
            c.put(sameSuffix(i), outcome(i), 1_000, 0);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(c.get(sameSuffix(i), 0).detail()).isEqualTo("stand-in " + i);
        }
    }

    @Test
    void entriesExpire() {
        VerifiedTokenCache c = new VerifiedTokenCache(10);
        c.put("t", outcome(0), 1_000, 0);
        assertThat(c.get("t", 999)).isNotNull();
        assertThat(c.get("t", 1_000)).isNull();
        assertThat(c.size()).as("expired entry dropped on lookup").isZero();
        c.put("u", outcome(0), 1_000, 1_000);
        assertThat(c.size()).as("already expired: not stored").isZero();
    }

    @Test
    void theBoundIsRespected() {
        VerifiedTokenCache c = new VerifiedTokenCache(100);
        for (int i = 0; i < 10_000; i++) {
            c.put("token-" + i, outcome(i), 1_000, 0);
            assertThat(c.size()).isLessThanOrEqualTo(100);
        }
        assertThat(c.get("token-9999", 0)).as("the newest entry survives eviction").isNotNull();
    }

    @Test
    void expiredEntriesAreEvictedFirst() {
        VerifiedTokenCache c = new VerifiedTokenCache(10);
        for (int i = 0; i < 5; i++) {
            c.put("short-" + i, outcome(i), 100, 0);
        }
        for (int i = 0; i < 5; i++) {
            c.put("long-" + i, outcome(i), 10_000, 0);
        }
        c.put("new", outcome(0), 10_000, 200); // full at t=200: the five expired ones go
        assertThat(c.size()).isEqualTo(6);
        for (int i = 0; i < 5; i++) {
            assertThat(c.get("long-" + i, 200)).isNotNull();
        }
    }

    @Test
    void theBoundHoldsUnderConcurrentPuts() throws Exception {
        VerifiedTokenCache c = new VerifiedTokenCache(50);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        c.put("t" + thread + "-" + i, outcome(i), 1_000, 0);
                        c.get("t" + thread + "-" + (i / 2), 0);
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
        assertThat(c.size()).isLessThanOrEqualTo(50);
    }
}
