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
 * <p>After a 429 (or a 503 that names a wait) the client refuses further calls locally with this
 * exception until the wait has passed; {@link #refusedLocally()} tells such a refusal from
 * LoginRocket's own answer.
 *
 * <p>Per-user throttles (too many password attempts) are not 429s: LoginRocket reports them as
 * {@link ValidationException}s.
 *
 * @since 0.1
 */
public class RateLimitedException extends LoginRocketException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean refusedLocally;

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
        this(message, status, requestId, messages, retryAfter, cause, false);
    }

    /**
     * Creates an exception that may be a local refusal.
     *
     * @param message what happened and what to do; must not contain secrets
     * @param status the HTTP status (429)
     * @param requestId the {@code X-Request-ID} of the response (for a local refusal: of the 429
     *     that started the back-off), or {@code null}
     * @param messages the messages from the response body, possibly empty
     * @param retryAfter how long to wait, or {@code null} if unknown
     * @param cause the underlying exception, or {@code null}
     * @param refusedLocally whether the client refused the call without making it
     * @since 0.2
     */
    public RateLimitedException(String message, int status, String requestId, List<String> messages,
            Duration retryAfter, Throwable cause, boolean refusedLocally) {
        super(message, status, requestId, messages, cause);
        this.retryAfter = retryAfter;
        this.refusedLocally = refusedLocally;
    }

    /** How long LoginRocket asked to wait before the next call, if it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the client refused the call itself, without sending it, because LoginRocket had
     * rate-limited it and the wait has not passed (see {@link LoginRocketClient}). Then {@link
     * #retryAfter()} is the remaining wait, {@link #requestId()} that of the 429 (or 503) that started
     * the back-off, and {@link #messages()} is empty.
     *
     * @since 0.2
     */
    public boolean refusedLocally() {
        return refusedLocally;
    }
}
