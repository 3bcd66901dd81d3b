package io.github.lrjakarta.servlet.internal;

import java.time.Clock;

/**
 * A token bucket bounding how many LoginRocket calls anonymous input (a {@code ?session=} id
 * nobody has vouched for) may start: {@code perSecond} tokens a second, at most {@code perSecond}
 * saved up. A refused caller does not wait; it goes on without the call. Thread-safe.
 */
public final class CallBudget {

    private final int perSecond;
    private final Clock clock;
    private double available;
    private long lastMillis;

    public CallBudget(int perSecond, Clock clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perSecond = perSecond;
        this.clock = clock;
        this.available = perSecond;
        this.lastMillis = clock.millis();
    }

    /** Takes one call from the budget; false (at once) if none is left. */
    public synchronized boolean tryAcquire() {
        long now = clock.millis();
        if (now > lastMillis) {
            available = Math.min(perSecond, available + (now - lastMillis) * perSecond / 1000.0);
            lastMillis = now;
        }
        if (available >= 1) {
            available -= 1;
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return perSecond + "/s";
    }
}
