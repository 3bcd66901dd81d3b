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
        RESPONSE
    }

    /** {@link #times()} value meaning "until cleared". */
    public static final int ALWAYS = -1;

    private final Kind kind;
    private final Duration duration;
    private final int status;
    private final String contentType;
    private final String body;
    private final int times;
    private final Map<String, String> headers;

    private Fault(Kind kind, Duration duration, int status, String contentType, String body, int times) {
        this(kind, duration, status, contentType, body, times, Map.of());
    }

    private Fault(Kind kind, Duration duration, int status, String contentType, String body, int times,
                  Map<String, String> headers) {
        this.kind = kind;
        this.duration = duration;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
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

    /** This fault for the next matching request only. */
    public Fault once() {
        return times(1);
    }

    /** This fault for the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + n);
        }
        return new Fault(kind, duration, status, contentType, body, n, headers);
    }

    /** This fault until cleared (the default). */
    public Fault always() {
        return new Fault(kind, duration, status, contentType, body, ALWAYS, headers);
    }

    /**
     * This fault with an extra response header, e.g. {@code Fault.status(503).header("Retry-After", "2")}.
     * Used by the kinds that answer themselves ({@link Kind#STATUS}, {@link Kind#RATE_LIMITED},
     * {@link Kind#MALFORMED_BODY}, {@link Kind#RESPONSE}); a header named here wins over the emulator's own.
     */
    public Fault header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Fault(kind, duration, status, contentType, body, times, more);
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The delay ({@link Kind#DELAY}) or time to reset ({@link Kind#RATE_LIMITED}); zero otherwise. */
    public Duration duration() {
        return duration;
    }

    /** The status for {@link Kind#STATUS}, {@link Kind#RATE_LIMITED}, {@link Kind#MALFORMED_BODY}, {@link Kind#RESPONSE}. */
    public int status() {
        return status;
    }

    /** Content type for {@link Kind#RESPONSE}, else {@code null}. */
    public String contentType() {
        return contentType;
    }

    /** Body for {@link Kind#RESPONSE}, else {@code null}. */
    public String body() {
        return body;
    }

    /** How many requests it applies to, or {@link #ALWAYS}. */
    public int times() {
        return times;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status > 0 ? " " + status : "") + (duration.isZero() ? "" : " " + duration)
                + (times == ALWAYS ? ", always" : ", times=" + times) + "]";
    }
}
