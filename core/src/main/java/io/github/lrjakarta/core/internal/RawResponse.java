package io.github.lrjakarta.core.internal;

/**
 * What one HTTP exchange returned, read before any interpretation.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header, or null
 * @param requestId the {@code X-Request-ID} header, or null
 * @param retryAfter the {@code Retry-After} header, or null
 * @param ratelimitReset the {@code Ratelimit-Reset} header, or null
 * @param body the body, at most the client's limit (empty if there was none)
 * @param oversized whether the body was larger than the limit (then {@code body} is empty and the
 *     connection was discarded instead of being read to the end)
 */
public record RawResponse(
        int status,
        String contentType,
        String requestId,
        String retryAfter,
        String ratelimitReset,
        byte[] body,
        boolean oversized) {}
