package io.github.lrjakarta.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's movable clock: a base clock (the system clock unless the builder was given one)
 * plus an offset that tests move. Token {@code iat}/{@code exp}, session expiry, lockouts, reset
 * tokens and rate-limit windows all follow it. It is a {@link Clock}, so a token verifier under test
 * can share it. Thread-safe.
 *
 * @since 0.1
 */
public final class EmulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    EmulatorClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The current emulator time. */
    public Instant now() {
        return instant();
    }

    /** Moves the clock by {@code amount} (negative moves it back) and returns the new time. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    /** Sets the clock so that it reads {@code time} now (it keeps running with the base clock). */
    public Instant set(Instant time) {
        Objects.requireNonNull(time, "time");
        offset.set(Duration.between(base.instant(), time));
        return instant();
    }

    /** Drops every move: the clock reads the base clock again. */
    public void resetOffset() {
        offset.set(Duration.ZERO);
    }

    /** How far the clock has been moved from the base clock. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone; it still follows every move. */
    @Override
    public Clock withZone(ZoneId zone) {
        EmulatorClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
