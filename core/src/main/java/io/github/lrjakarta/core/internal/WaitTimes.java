package io.github.lrjakarta.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Reads how long a 429 or 503 response asks the client to wait.
 *
 * <p>{@code Retry-After} (RFC 9110: delta seconds or an HTTP-date) wins when it is usable. Otherwise
 * {@code Ratelimit-Reset} is read: AuthRocket documents it as an HTTP-date, but other servers (and
 * the IETF RateLimit draft) send an integer. An integer up to {@link #EPOCH_THRESHOLD} is a number
 * of seconds to wait; a larger one is a Unix time in seconds, since no rate-limit window lasts the
 * 31 years that 10^9 seconds are, while every current Unix time is above it. Times already passed
 * give zero; values that parse as none of these are ignored. Longer waits are cut to {@link
 * #LONGEST}, so that a hostile header cannot overflow the arithmetic callers do with the wait.
 */
public final class WaitTimes {

    /** Integers above this are Unix times in seconds, below or equal are delta seconds. */
    public static final long EPOCH_THRESHOLD = 1_000_000_000L;

    /** The longest wait this class reports: {@link #EPOCH_THRESHOLD} seconds. */
    public static final Duration LONGEST = Duration.ofSeconds(EPOCH_THRESHOLD);

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);

    private WaitTimes() {}

    /** A wait time and the header it came from (named in exception messages). */
    public record Wait(Duration duration, String header) {}

    /**
     * The wait a response asks for.
     *
     * @param retryAfter the {@code Retry-After} value, or null
     * @param ratelimitReset the {@code Ratelimit-Reset} value, or null
     * @param now the current time, to turn dates into durations
     * @return the wait, or empty if neither header is usable
     */
    public static Optional<Wait> parse(String retryAfter, String ratelimitReset, Instant now) {
        Optional<Duration> d = parseRetryAfter(retryAfter, now);
        if (d.isPresent()) {
            return Optional.of(new Wait(d.get(), "Retry-After"));
        }
        return parseRatelimitReset(ratelimitReset, now).map(r -> new Wait(r, "Ratelimit-Reset"));
    }

    /** {@code Retry-After}: non-negative delta seconds or an HTTP-date. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Long seconds = parseSeconds(v);
        if (seconds != null) {
            return Optional.of(Duration.ofSeconds(Math.min(seconds, EPOCH_THRESHOLD)));
        }
        return parseDate(v, now);
    }

    /** {@code Ratelimit-Reset}: an HTTP-date, delta seconds, or Unix seconds (see the class comment). */
    static Optional<Duration> parseRatelimitReset(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Long n = parseSeconds(v);
        if (n == null) {
            return parseDate(v, now);
        }
        if (n <= EPOCH_THRESHOLD) {
            return Optional.of(Duration.ofSeconds(n));
        }
        return Optional.of(n > Instant.MAX.getEpochSecond() ? LONGEST : untilOrZero(Instant.ofEpochSecond(n), now));
    }

    /** A non-negative decimal integer of at most 18 digits (so that it cannot overflow), else null. */
    private static Long parseSeconds(String v) {
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(v);
    }

    private static Optional<Duration> parseDate(String v, Instant now) {
        Instant at = DateUtils.parseStandardDate(v);
        if (at == null) {
            at = parseAsctime(v);
        }
        return at == null ? Optional.empty() : Optional.of(untilOrZero(at, now));
    }

    /**
     * The obsolete asctime form ({@code Sun Nov  6 08:49:37 1994}), which HttpClient's DateUtils can
     * format but not parse because it carries no zone; RFC 9110 says it is UTC.
     */
    private static Instant parseAsctime(String v) {
        try {
            return LocalDateTime.parse(v.replaceAll(" {2,}", " "), ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration untilOrZero(Instant at, Instant now) {
        if (!at.isAfter(now)) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(now, at);
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }
}
