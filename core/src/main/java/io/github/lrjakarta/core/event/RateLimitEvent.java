package io.github.lrjakarta.core.event;

import java.time.Duration;

/**
 * The start or end of an episode in which a client refuses calls locally because LoginRocket asked
 * it to wait (429, or 503 with a wait).
 *
 * @param started true when the episode starts, false when it ends
 * @param retryAfter the wait LoginRocket asked for (at the start), or {@link Duration#ZERO} (at the end)
 * @param requestId the request id of the response that started the episode, or null
 * @since 0.2
 */
public record RateLimitEvent(boolean started, Duration retryAfter, String requestId) {}
