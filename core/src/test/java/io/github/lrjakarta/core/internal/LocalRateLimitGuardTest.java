package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The back-off's rules on a hand-moved ticker: refuse until the wait has passed, then one probe at a time. */
class LocalRateLimitGuardTest {

    private static final String CALL = "GET /v2/session";

    private final AtomicLong nanos = new AtomicLong(42);
    private final LocalRateLimitGuard guard = new LocalRateLimitGuard("https://lr.example/", nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private RateLimitedException refused() {
        return catchThrowableOfType(() -> guard.admit(null, CALL), RateLimitedException.class);
    }

    @Test
    void withoutARateLimitEveryAttemptIsAdmitted() {
        for (int i = 0; i < 5; i++) {
            guard.admit(null, CALL).answered();
        }
        guard.admit(null, CALL).released();
        assertThat(guard.admit(null, CALL)).isNotNull();
    }

    @Test
    void aRateLimitRefusesEveryAttemptWithTheRemainingWaitUntilItHasPassed() {
        assertThat(guard.admit(null, CALL).rateLimited(Duration.ofSeconds(30), "rq_first")).isEqualTo(Duration.ofSeconds(30));

        RateLimitedException e = refused();
        assertThat(e.refusedLocally()).isTrue();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.requestId()).isEqualTo("rq_first");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.getMessage()).startsWith("Refused locally, no call made: GET /v2/session to https://lr.example/.")
                .contains("request id rq_first", "try again in 30 s");

        advance(Duration.ofSeconds(10));
        assertThat(refused().retryAfter()).contains(Duration.ofSeconds(20));
        advance(Duration.ofMillis(19_999));
        assertThat(refused().retryAfter()).contains(Duration.ofMillis(1));
    }

    @Test
    void afterTheWaitOneProbeIsAdmittedAndTheOthersAreRefusedWhileItIsInFlight() {
        guard.admit(null, CALL).rateLimited(Duration.ofSeconds(5), "rq_first");
        advance(Duration.ofSeconds(5));

        RateLimitGuard.Permit probe = guard.admit(null, CALL);
        RateLimitedException e = refused();
        assertThat(e.retryAfter()).contains(RateLimitGuard.DEFAULT_WAIT);
        assertThat(e.getMessage()).contains("one probe call is in flight");

        probe.answered();
        guard.admit(null, CALL).answered();
        guard.admit(null, CALL).answered();
    }

    @Test
    void aProbeWithoutAnAnswerLetsTheNextAttemptProbeAndTheEpisodeGoesOn() {
        guard.admit(null, CALL).rateLimited(Duration.ofSeconds(5), "rq_first");
        advance(Duration.ofSeconds(6));
        guard.admit(null, CALL).released();

        RateLimitGuard.Permit second = guard.admit(null, CALL);
        assertThat(refused().getMessage()).contains("probe call is in flight");
        second.answered();
        guard.admit(null, CALL);
    }

    @Test
    void aRateLimitedProbeStartsANewWait() {
        guard.admit(null, CALL).rateLimited(Duration.ofSeconds(5), "rq_first");
        advance(Duration.ofSeconds(5));
        guard.admit(null, CALL).rateLimited(Duration.ofSeconds(7), "rq_second");
        assertThat(refused().retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void answersToAttemptsAdmittedBeforeTheEpisodeDoNotEndIt() {
        RateLimitGuard.Permit early = guard.admit(null, CALL);
        guard.admit(null, CALL).rateLimited(Duration.ofSeconds(5), "rq_first");
        early.answered();
        assertThat(refused().refusedLocally()).isTrue();
    }

    @Test
    void laterRateLimitsExtendTheWaitButNeverShortenIt() {
        RateLimitGuard.Permit a = guard.admit(null, CALL);
        RateLimitGuard.Permit b = guard.admit(null, CALL);
        RateLimitGuard.Permit c = guard.admit(null, CALL);
        a.rateLimited(Duration.ofSeconds(10), "rq_a");
        b.rateLimited(Duration.ofSeconds(2), "rq_b");
        assertThat(refused().retryAfter()).contains(Duration.ofSeconds(10));
        c.rateLimited(Duration.ofSeconds(20), "rq_c");
        RateLimitedException e = refused();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(e.requestId()).as("the episode's first 429").isEqualTo("rq_a");
    }

    @Test
    void aRetryThatWaitedOutItsOwnRateLimitIsTheProbe() {
        RateLimitGuard.Permit first = guard.admit(null, CALL);
        first.rateLimited(Duration.ofSeconds(1), "rq_first");
        // the executor slept the returned wait; the ticker need not agree to the nanosecond
        RateLimitGuard.Permit retry = guard.admit(first, CALL);
        advance(Duration.ofSeconds(1));
        assertThat(refused().getMessage()).contains("probe call is in flight");
        retry.answered();
        guard.admit(null, CALL);
    }

    @Test
    void aRetryIsRefusedWhenAnotherRateLimitExtendedTheWaitMeanwhile() {
        RateLimitGuard.Permit first = guard.admit(null, CALL);
        RateLimitGuard.Permit other = guard.admit(null, CALL);
        first.rateLimited(Duration.ofSeconds(1), "rq_first");
        other.rateLimited(Duration.ofSeconds(30), "rq_other");
        RateLimitedException e = catchThrowableOfType(() -> guard.admit(first, CALL), RateLimitedException.class);
        assertThat(e.refusedLocally()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aMissingWaitCountsAsOneSecondAndAnAbsurdOneIsCapped() {
        assertThat(guard.admit(null, CALL).rateLimited(null, null)).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        RateLimitGuard.Permit probe = guard.admit(null, CALL);
        assertThat(probe.rateLimited(Duration.ofDays(365), "rq_year")).isEqualTo(RateLimitGuard.MAX_WAIT);
        assertThat(refused().retryAfter()).contains(Duration.ofMinutes(5));
        advance(RateLimitGuard.MAX_WAIT);
        guard.admit(null, CALL).answered();
    }

    @Test
    void onlyTheFirstReportOfAPermitCounts() {
        RateLimitGuard.Permit p = guard.admit(null, CALL);
        p.answered();
        p.rateLimited(Duration.ofSeconds(30), "rq_late");
        guard.admit(null, CALL);
    }
}
