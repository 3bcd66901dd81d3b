package io.github.lrjakarta.core.event;

import java.time.Duration;
import java.util.Optional;

/**
 * One finished LoginRocket API call.
 *
 * @param call the call, as method and path without the query, e.g. {@code GET /v2/session}; a
 *     handful of values, fit for a metric tag
 * @param outcome how it ended
 * @param status the HTTP status of the last response, or 0 if there was none
 * @param attempts how many times it was sent (0 when the rate-limit guard refused it locally)
 * @param duration from the call's start to its end, waits between attempts included
 * @param requestId LoginRocket's {@code X-Request-ID} of the last response, or null
 * @since 0.2
 */
public record CallEvent(String call, Outcome outcome, int status, int attempts, Duration duration, String requestId) {

    /** How a call ended. */
    public enum Outcome {
        /** A 2xx answer. */
        SUCCESS,
        /** A 4xx answer other than 429: validation, access denied, not found. */
        CLIENT_ERROR,
        /** 429 from LoginRocket, or refused locally while the rate-limit guard holds. */
        RATE_LIMITED,
        /** A 5xx answer. */
        SERVER_ERROR,
        /** No usable answer: connect failure, timeout, dropped connection, a pool wait that timed out. */
        TRANSPORT_ERROR,
        /** An answer that is not what LoginRocket sends: bad JSON, wrong type, too large. */
        PROTOCOL_ERROR
    }

    /** LoginRocket's request id, if a response carried one. */
    public Optional<String> requestIdIfAny() {
        return Optional.ofNullable(requestId);
    }

    /** Whether the call was refused or answered because of rate limiting. */
    public boolean rateLimited() {
        return outcome == Outcome.RATE_LIMITED;
    }
}
