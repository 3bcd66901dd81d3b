package io.github.lrjakarta.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * LoginRocket answered 429: too many requests; wait before trying again.
 *
 * <p>{@link #retryAfter()} is how long LoginRocket asked the caller to wait, read from {@code
 * Retry-After} (delta seconds or an HTTP-date) and otherwise from {@code Ratelimit-Reset} (an
 * HTTP-date as AuthRocket documents it, or an integer: up to 999,999,999 a number of seconds to
 * wait, above that a Unix time in seconds, because no rate-limit window lasts 31 years). A point in
 * time already passed gives {@link Duration#ZERO}. Empty if neither header was usable.
 *
 * <p>Per-user throttles (too many password attempts) are not 429s: LoginRocket reports them as
 * {@link ValidationException}s.
 *
 * @since 0.1
 */
public class RateLimitedException extends LoginRocketException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do; must not contain secrets
     * @param status the HTTP status (429)
     * @param requestId the response's {@code X-Request-ID}, or {@code null}
     * @param messages the messages from the response body, possibly empty
     * @param retryAfter how long to wait, or {@code null} if unknown
     * @param cause the underlying exception, or {@code null}
     */
    public RateLimitedException(
            String message, int status, String requestId, List<String> messages, Duration retryAfter, Throwable cause) {
        super(message, status, requestId, messages, cause);
        this.retryAfter = retryAfter;
    }

    /** How long LoginRocket asked to wait before the next call, if it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
