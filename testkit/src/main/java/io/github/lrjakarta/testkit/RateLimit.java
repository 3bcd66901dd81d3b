package io.github.lrjakarta.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed-window rate limit for one path: at most {@code limit} requests per {@code window}, measured
 * on the emulator clock. Requests over the limit get {@code 429} with a {@code Ratelimit-Reset}
 * header (an HTTP-date, as AuthRocket 2 sends it).
 *
 * @param limit  requests allowed per window, at least 1
 * @param window window length, positive
 * @since 0.1
 */
public record RateLimit(int limit, Duration window) {

    /** Validates the arguments. */
    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must allow at least 1 request, got " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit window must be positive, got " + window);
        }
    }

    /** Shorthand for {@code new RateLimit(limit, window)}. */
    public static RateLimit of(int limit, Duration window) {
        return new RateLimit(limit, window);
    }
}
