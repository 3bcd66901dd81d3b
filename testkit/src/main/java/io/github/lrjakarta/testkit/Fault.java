package io.github.lrjakarta.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the emulator shows on one path (see {@link Faults}). Immutable; {@link #once()} and
 * {@link #times(int)} return copies. By default a fault applies to every matching request until
 * cleared.
 *
 * @since 0.1
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Waits, then handles the request normally. */
        DELAY,
        /** Answers with a status and a JSON error body, without handling the request. */
        STATUS,
        /** Answers 429 with {@code Ratelimit-Reset}, without handling the request. */
        RATE_LIMITED,
        /** Answers 200 {@code application/json} with a body that is not valid JSON. */
        MALFORMED_BODY,
        /** Handles the request, then sends only half of the body and closes the connection. */
        TRUNCATED_BODY,
        /** Closes the connection without any response. */
        DROP_CONNECTION,
        /** Answers with a given status, content type and body, without handling the request. */
        RESPONSE,
        /**
         * Sends nothing and keeps the connection open until the client gives up, or until {@link
         * Faults#clear()}, reset or close (then the connection is closed unanswered).
         */
        NO_RESPONSE,
        /** Handles the request, then sends the body one byte per {@link #duration()}. */
        TRICKLE,
        /** Answers 200 {@code application/json} with a valid JSON body of {@link #size()} bytes. */
        OVERSIZED_BODY,
        /** Handles the request and sends the real body under {@link #contentType()}. */
        WRONG_CONTENT_TYPE,
        /**
         * Handles the request, sends the headers and half of the body chunked, then drops the
         * connection without the last chunk.
         */
        DROP_MID_BODY
    }

    /** {@link #times()} value meaning "until cleared". */
    public static final int ALWAYS = -1;

    /** The smallest {@link #oversizedBody(long)}: the JSON object around the padding. */
    private static final long OVERSIZED_MINIMUM = 16;

    private final Kind kind;
    private final Duration duration;
    private final int status;
    private final String contentType;
    private final String body;
    private final long size;
    private final int times;
    private final Map<String, String> headers;

    private Fault(Kind kind, Duration duration, int status, String contentType, String body, int times) {
        this(kind, duration, status, contentType, body, 0, times, Map.of());
    }

    private Fault(Kind kind, Duration duration, int status, String contentType, String body, long size, int times,
                  Map<String, String> headers) {
        this.kind = kind;
        this.duration = duration;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.size = size;
        this.times = times;
        this.headers = Map.copyOf(headers);
    }

    /** Waits {@code delay} before handling the request. */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Kind.DELAY, delay, 0, null, null, ALWAYS);
    }

    /** Answers {@code status} (e.g. 500, 503) with a localized JSON error body. */
    public static Fault status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, got " + status);
        }
        return new Fault(Kind.STATUS, Duration.ZERO, status, null, null, ALWAYS);
    }

    /** Answers 429 with {@code Ratelimit-Reset} set {@code resetIn} after the emulator clock's now. */
    public static Fault rateLimited(Duration resetIn) {
        return new Fault(Kind.RATE_LIMITED, Objects.requireNonNull(resetIn, "resetIn"), 429, null, null, ALWAYS);
    }

    /** Answers 200 with a JSON content type and a broken JSON body. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, Duration.ZERO, 200, null, null, ALWAYS);
    }

    /** Sends the real response's headers and only half of its body, then closes the connection. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, Duration.ZERO, 0, null, null, ALWAYS);
    }

    /** Closes the connection without answering. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, Duration.ZERO, 0, null, null, ALWAYS);
    }

    /** Answers exactly this (for example a 200 {@code text/html} page from a misconfigured proxy). */
    public static Fault response(int status, String contentType, String body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, got " + status);
        }
        return new Fault(Kind.RESPONSE, Duration.ZERO, status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"), ALWAYS);
    }

    /**
     * Answers nothing: the connection stays open, the request unanswered, until the client gives up
     * (its response timeout). Held requests take no handler thread; {@link Faults#clear()}, {@link
     * LoginRocketEmulator#reset()} and {@link LoginRocketEmulator#close()} close their connections.
     *
     * @since 0.2
     */
    public static Fault noResponse() {
        return new Fault(Kind.NO_RESPONSE, Duration.ZERO, 0, null, null, ALWAYS);
    }

    /**
     * Handles the request, sends the status and headers at once, then the body one byte every
     * {@code interval} (a slow or congested network; a client must bound the body's time, not only
     * the wait for headers). Ends early, closing the connection, like {@link #noResponse()}.
     *
     * @param interval the pause before each byte, at least 1 ms
     * @since 0.2
     */
    public static Fault trickle(Duration interval) {
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("trickle interval must be at least 1 ms, got " + interval);
        }
        return new Fault(Kind.TRICKLE, interval, 0, null, null, ALWAYS);
    }

    /**
     * Answers 200 {@code application/json} with a syntactically valid JSON object of exactly
     * {@code bytes} bytes (one long string member), streamed without being held in memory, for
     * testing a client's limit on response sizes.
     *
     * @param bytes the body size, at least 16
     * @since 0.2
     */
    public static Fault oversizedBody(long bytes) {
        if (bytes < OVERSIZED_MINIMUM) {
            throw new IllegalArgumentException("oversized body must be at least " + OVERSIZED_MINIMUM + " bytes, got " + bytes);
        }
        return new Fault(Kind.OVERSIZED_BODY, Duration.ZERO, 200, null, null, bytes, ALWAYS, Map.of());
    }

    /**
     * Handles the request and sends the real status and body under another content type, e.g.
     * {@code text/html} where LoginRocket sends JSON. Compare {@link #response}, which replaces
     * the whole answer.
     *
     * @since 0.2
     */
    public static Fault wrongContentType(String contentType) {
        return new Fault(Kind.WRONG_CONTENT_TYPE, Duration.ZERO, 0, Objects.requireNonNull(contentType, "contentType"),
                null, ALWAYS);
    }

    /**
     * Handles the request, sends the headers and half of the body with chunked transfer encoding,
     * then drops the connection before the last chunk. Compare {@link #truncatedBody()}, which
     * announces a {@code Content-Length} and sends less.
     *
     * @since 0.2
     */
    public static Fault dropMidBody() {
        return new Fault(Kind.DROP_MID_BODY, Duration.ZERO, 0, null, null, ALWAYS);
    }

    /** This fault for the next matching request only. */
    public Fault once() {
        return times(1);
    }

    /** This fault for the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + n);
        }
        return new Fault(kind, duration, status, contentType, body, size, n, headers);
    }

    /** This fault until cleared (the default). */
    public Fault always() {
        return new Fault(kind, duration, status, contentType, body, size, ALWAYS, headers);
    }

    /**
     * This fault with an extra response header, e.g. {@code Fault.status(503).header("Retry-After", "2")}.
     * Sent with every kind that sends a response (all but {@link Kind#DROP_CONNECTION} and {@link
     * Kind#NO_RESPONSE}); a header named here wins over the emulator's own.
     */
    public Fault header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Fault(kind, duration, status, contentType, body, size, times, more);
    }

    /**
     * This fault with {@code Retry-After} in whole seconds, e.g. {@code Fault.status(503).retryAfter(
     * Duration.ofSeconds(2))}. On a {@code status(429)} fault it replaces the default {@code
     * Ratelimit-Reset}, so a client sees only {@code Retry-After}.
     *
     * @since 0.2
     */
    public Fault retryAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return header("Retry-After", Long.toString(delay.toSeconds()));
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /**
     * The delay ({@link Kind#DELAY}), time to reset ({@link Kind#RATE_LIMITED}) or pause before each
     * byte ({@link Kind#TRICKLE}); zero otherwise.
     */
    public Duration duration() {
        return duration;
    }

    /** The status for {@link Kind#STATUS}, {@link Kind#RATE_LIMITED}, {@link Kind#MALFORMED_BODY}, {@link Kind#RESPONSE}. */
    public int status() {
        return status;
    }

    /** Content type for {@link Kind#RESPONSE} and {@link Kind#WRONG_CONTENT_TYPE}, else {@code null}. */
    public String contentType() {
        return contentType;
    }

    /** Body for {@link Kind#RESPONSE}, else {@code null}. */
    public String body() {
        return body;
    }

    /**
     * The body size in bytes for {@link Kind#OVERSIZED_BODY}, else 0.
     *
     * @since 0.2
     */
    public long size() {
        return size;
    }

    /** How many requests it applies to, or {@link #ALWAYS}. */
    public int times() {
        return times;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status > 0 ? " " + status : "") + (duration.isZero() ? "" : " " + duration)
                + (size > 0 ? " " + size + " bytes" : "") + (kind == Kind.WRONG_CONTENT_TYPE ? " " + contentType : "")
                + (times == ALWAYS ? ", always" : ", times=" + times) + "]";
    }
}
