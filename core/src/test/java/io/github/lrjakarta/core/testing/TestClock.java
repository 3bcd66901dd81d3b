package io.github.lrjakarta.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for the time-dependent parts of the library
 * (token lifetimes and leeway, caches, call budgets, back-offs) without sleeping. Core publishes it
 * in its test-jar, so the other modules' tests use this one.
 *
 * <pre>{@code
 * TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
 * LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()...clock(clock).build();
 * clock.advance(Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Thread-safe: a move is seen at once by every thread.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
