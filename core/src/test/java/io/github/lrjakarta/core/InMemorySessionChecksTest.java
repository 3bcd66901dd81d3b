package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one-node claim record: one winner per interval, and bounded. */
class InMemorySessionChecksTest {

    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    private static final long INTERVAL = Duration.ofMinutes(5).toMillis();

    @Test
    void aClaimHoldsUntilItRunsOut() {
        SessionChecks checks = SessionChecks.inMemory();
        assertThat(checks.claim("kss_a", NOW, NOW + INTERVAL)).isTrue();
        assertThat(checks.claim("kss_a", NOW, NOW + INTERVAL)).isFalse();
        assertThat(checks.claim("kss_b", NOW, NOW + INTERVAL)).as("per session").isTrue();
        long later = NOW + INTERVAL - 1;
        assertThat(checks.claim("kss_a", later, later + INTERVAL)).isFalse();
        long due = NOW + INTERVAL;
        assertThat(checks.claim("kss_a", due, due + INTERVAL)).isTrue();
    }

    @Test
    void ofManyConcurrentCallersExactlyOneWins() throws Exception {
        SessionChecks checks = SessionChecks.inMemory();
        AtomicInteger winners = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] done = new Future<?>[8];
            for (int i = 0; i < done.length; i++) {
                done[i] = pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < 1000; k++) {
                        if (checks.claim("kss_a", NOW, NOW + INTERVAL)) {
                            winners.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners.get()).isEqualTo(1);
    }

    @Test
    void whenFullClaimsThatRanOutGoFirst() {
        InMemorySessionChecks checks = InMemorySessionChecks.builder().maxEntries(10).build();
        for (int i = 0; i < 10; i++) {
            checks.claim("kss_old" + i, NOW, NOW + 1000);
        }
        long later = NOW + 2000;
        checks.claim("kss_new", later, later + INTERVAL);
        assertThat(checks.size()).isEqualTo(1);
        assertThat(checks.claim("kss_new", later, later + INTERVAL)).isFalse();
    }
}
