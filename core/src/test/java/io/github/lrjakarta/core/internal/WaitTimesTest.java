package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitTimesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T17:04:00Z");

    @Test
    void retryAfterDeltaSeconds() {
        assertThat(WaitTimes.parse("7", null, NOW))
                .contains(new WaitTimes.Wait(Duration.ofSeconds(7), "Retry-After"));
        assertThat(WaitTimes.parse(" 0 ", null, NOW)).get().extracting(WaitTimes.Wait::duration).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterHttpDateInAllThreeRfc9110Forms() {
        Duration five = Duration.ofSeconds(5);
        assertThat(WaitTimes.parseRetryAfter("Tue, 03 Mar 2026 17:04:05 GMT", NOW)).contains(five);
        assertThat(WaitTimes.parseRetryAfter("Tuesday, 03-Mar-26 17:04:05 GMT", NOW)).contains(five);
        assertThat(WaitTimes.parseRetryAfter("Tue Mar  3 17:04:05 2026", NOW)).contains(five);
    }

    @Test
    void retryAfterWinsOverRatelimitReset() {
        assertThat(WaitTimes.parse("2", "Tue, 03 Mar 2026 17:05:00 GMT", NOW))
                .contains(new WaitTimes.Wait(Duration.ofSeconds(2), "Retry-After"));
    }

    @Test
    void unusableRetryAfterFallsBackToRatelimitReset() {
        assertThat(WaitTimes.parse("soon", "Tue, 03 Mar 2026 17:04:30 GMT", NOW))
                .contains(new WaitTimes.Wait(Duration.ofSeconds(30), "Ratelimit-Reset"));
        assertThat(WaitTimes.parse("-3", "4", NOW))
                .contains(new WaitTimes.Wait(Duration.ofSeconds(4), "Ratelimit-Reset"));
    }

    @Test
    void ratelimitResetSmallIntegerIsDeltaSeconds() {
        assertThat(WaitTimes.parseRatelimitReset("42", NOW)).contains(Duration.ofSeconds(42));
        assertThat(WaitTimes.parseRatelimitReset("1000000000", NOW)).contains(Duration.ofSeconds(1_000_000_000L));
    }

    @Test
    void ratelimitResetLargeIntegerIsEpochSeconds() {
        long epoch = NOW.getEpochSecond() + 12;
        assertThat(WaitTimes.parseRatelimitReset(Long.toString(epoch), NOW)).contains(Duration.ofSeconds(12));
    }

    @Test
    void pastTimesGiveZero() {
        assertThat(WaitTimes.parseRatelimitReset(Long.toString(NOW.getEpochSecond() - 100), NOW))
                .contains(Duration.ZERO);
        assertThat(WaitTimes.parseRatelimitReset("Tue, 03 Mar 2026 17:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(WaitTimes.parseRetryAfter("Tue, 03 Mar 2026 17:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void garbageAndAbsenceGiveNothing() {
        assertThat(WaitTimes.parse(null, null, NOW)).isEmpty();
        assertThat(WaitTimes.parse("", "  ", NOW)).isEmpty();
        assertThat(WaitTimes.parse("1.5", "tomorrow", NOW)).isEmpty();
        assertThat(WaitTimes.parse("99999999999999999999", null, NOW)).isEmpty();
        assertThat(WaitTimes.parse("+5", "0x10", NOW)).isEmpty();
    }

    /** Found by ResponseMapperFuzzTest: 18 digits fit a long but not Duration.toMillis() or Instant. */
    @Test
    void absurdWaitsAreCutToTheLongestSoNothingOverflows() {
        assertThat(WaitTimes.parse("999999999999999999", null, NOW))
                .contains(new WaitTimes.Wait(WaitTimes.LONGEST, "Retry-After"));
        assertThat(WaitTimes.parse(null, "999999999999999999", NOW))
                .contains(new WaitTimes.Wait(WaitTimes.LONGEST, "Ratelimit-Reset"));
        assertThat(WaitTimes.parse("Fri, 31 Dec 9999 23:59:59 GMT", null, NOW))
                .contains(new WaitTimes.Wait(WaitTimes.LONGEST, "Retry-After"));
        assertThat(WaitTimes.LONGEST.toMillis()).isEqualTo(1_000_000_000_000L);
    }
}
