package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.RateLimitEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' guards sharing one back-off, on one hand-moved ticker and a wall clock that moves
 * with it: a rate limit seen by one node holds back the other, and one answered probe ends the
 * episode for both.
 */
class SharedRateLimitGuardTest {

    private static final String CALL = "GET /v2/session";
    private static final long WALL_START = Instant.parse("2026-12-05T01:00:00Z").toEpochMilli();

    private final AtomicLong nanos = new AtomicLong(42);
    private final Cluster cluster = new Cluster();
    private final List<RateLimitEvent> eventsOnB = new CopyOnWriteArrayList<>();
    private final LocalRateLimitGuard a = guard(cluster, null);
    private final LocalRateLimitGuard b = guard(cluster, Listeners.of(List.of(new LoginRocketListener() {
        @Override
        public void rateLimitChanged(RateLimitEvent event) {
            eventsOnB.add(event);
        }
    })));

    private LocalRateLimitGuard guard(SharedBackOff shared, Listeners listener) {
        return new LocalRateLimitGuard("https://lr.example/", nanos::get, listener, shared, this::wallMillis);
    }

    private long wallMillis() {
        return WALL_START + (nanos.get() - 42) / 1_000_000;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static RateLimitedException refused(LocalRateLimitGuard guard) {
        return catchThrowableOfType(() -> guard.admit(null, CALL), RateLimitedException.class);
    }

    @Test
    void aRateLimitOnOneNodeMakesTheOtherRefuseLocallyForTheSameWait() {
        a.admit(null, CALL).rateLimited(Duration.ofSeconds(30), "rq_a");
        assertThat(cluster.until.get()).isEqualTo(Instant.ofEpochMilli(WALL_START).plusSeconds(30));

        advance(Duration.ofSeconds(10));
        assertThat(b.backingOff()).isTrue();
        RateLimitedException e = refused(b);
        assertThat(e.refusedLocally()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(e.getMessage()).contains("rate-limited another node of this cluster", "try again in 20 s");
        assertThat(eventsOnB).containsExactly(new RateLimitEvent(true, Duration.ofSeconds(20), null));

        advance(Duration.ofSeconds(20));
        RateLimitGuard.Permit probeOnB = b.admit(null, CALL);
        assertThat(refused(b).getMessage()).contains("one probe call is in flight");
        RateLimitGuard.Permit probeOnA = a.admit(null, CALL);
        probeOnB.answered();
        assertThat(cluster.until.get()).as("the episode is over for every node").isNull();
        assertThat(eventsOnB).last().isEqualTo(new RateLimitEvent(false, Duration.ZERO, null));

        a.admit(null, CALL).answered();
        a.admit(null, CALL).answered();
        probeOnA.released();
        assertThat(cluster.resumes.get()).as("one node tells the others").isEqualTo(1);
    }

    @Test
    void anotherNodesLongerWaitExtendsThisNodesEpisode() {
        RateLimitGuard.Permit onB = b.admit(null, CALL); // in flight when A hears of the limit
        a.admit(null, CALL).rateLimited(Duration.ofSeconds(5), "rq_a");
        onB.rateLimited(Duration.ofSeconds(60), "rq_b");
        advance(Duration.ofSeconds(10));
        assertThat(refused(a).retryAfter()).contains(Duration.ofSeconds(50));
    }

    @Test
    void aShorterWaitSeenLaterIsNotPublished() {
        RateLimitGuard.Permit onB = b.admit(null, CALL);
        a.admit(null, CALL).rateLimited(Duration.ofSeconds(60), "rq_a");
        onB.rateLimited(Duration.ofSeconds(10), "rq_b");
        assertThat(cluster.publications.get()).as("the cluster knows a longer wait already").isEqualTo(1);
        assertThat(refused(b).retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void aRetryAfterOfAnHourFromAnotherNodeIsCappedHere() {
        cluster.backOff(Instant.ofEpochMilli(WALL_START).plus(Duration.ofHours(1)));
        assertThat(refused(b).retryAfter()).contains(RateLimitGuard.MAX_WAIT);
    }

    @Test
    void anInstantLeftBehindThatHasPassedHoldsNobodyBack() {
        cluster.backOff(Instant.ofEpochMilli(WALL_START).minusSeconds(1)); // a crashed node never resumed
        assertThat(b.backingOff()).isFalse();
        b.admit(null, CALL).answered();
        b.admit(null, CALL).answered();
        assertThat(cluster.resumes.get()).as("no episode here, nothing to end").isZero();
    }

    @Test
    void aFailingSharedEngineLeavesThisNodesOwnBackOffIntact() {
        SharedBackOff broken = new Cluster() {
            @Override
            public void backOff(Instant until) {
                throw new IllegalStateException("cluster partitioned");
            }
        };
        LocalRateLimitGuard alone = guard(broken, null);
        assertThatCode(() -> alone.admit(null, CALL).rateLimited(Duration.ofSeconds(30), "rq_a"))
                .doesNotThrowAnyException();
        assertThat(refused(alone).retryAfter()).contains(Duration.ofSeconds(30));
    }

    /** The other nodes, as a {@link SharedBackOff} whose every write every node sees at once. */
    private static class Cluster implements SharedBackOff {
        final AtomicReference<Instant> until = new AtomicReference<>();
        final AtomicInteger publications = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();

        @Override
        public Instant until() {
            return until.get();
        }

        @Override
        public void backOff(Instant end) {
            publications.incrementAndGet();
            until.accumulateAndGet(end, (old, now) -> old == null || now.isAfter(old) ? now : old);
        }

        @Override
        public void resume() {
            resumes.incrementAndGet();
            until.set(null);
        }
    }
}
