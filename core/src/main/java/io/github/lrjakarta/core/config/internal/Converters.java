package io.github.lrjakarta.core.config.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * Text to typed values. Each method throws {@link IllegalArgumentException} whose message says
 * what was expected; the config wraps it with key, source and value.
 */
public final class Converters {

    public static final String DURATION_EXPECTED =
            "expected a whole number with a unit (500ms, 5s, 10m, 1h, 2d) or ISO-8601 such as PT5S";

    private static final Duration LONGEST = Duration.ofDays(36_500);

    private Converters() {}

    public static Duration duration(String text, boolean positive) {
        return duration(text, positive, null, null);
    }

    /**
     * A duration from {@code min} to {@code max}.
     *
     * @param min the lower bound, or null for none beyond {@code positive}
     * @param max the upper bound, or null for none
     */
    public static Duration duration(String text, boolean positive, Duration min, Duration max) {
        String s = text.trim();
        Duration d;
        if (!s.isEmpty() && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
            try {
                d = Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration; " + DURATION_EXPECTED);
            }
        } else {
            d = unitDuration(s);
        }
        if (d.compareTo(LONGEST) > 0) {
            // longer would overflow the nanosecond and millisecond arithmetic the settings feed
            throw new IllegalArgumentException("too large; at most 36500d (100 years)");
        }
        if (d.isNegative() || positive && d.isZero()) {
            throw new IllegalArgumentException(
                    "must be " + (positive ? "greater than zero" : "zero or more") + "; " + DURATION_EXPECTED);
        }
        if (min != null && d.compareTo(min) < 0) {
            throw new IllegalArgumentException("too small; expected at least " + format(min));
        }
        if (max != null && d.compareTo(max) > 0) {
            throw new IllegalArgumentException("too large; expected at most " + format(max));
        }
        return d;
    }

    /**
     * The interval of the session re-check ({@code loginrocket.session-recheck-interval}): 3 to 15
     * minutes, AuthRocket's advice for caching a session check; down to 1 second only for a realm
     * on a loopback address (the testkit emulator), whose calls cost no rate limit.
     *
     * @param loopbackRealm whether the realm URL is a loopback address
     */
    public static Duration recheckInterval(Duration d, boolean loopbackRealm) {
        Duration min = loopbackRealm ? Duration.ofSeconds(1) : Duration.ofMinutes(3);
        if (d.compareTo(min) < 0 || d.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("expected from " + format(min) + " to 15m, got " + format(d)
                    + (loopbackRealm ? "" : "; below 3m only for a realm on a loopback address (the testkit"
                            + " emulator), since every check is a call against the realm's rate limit"));
        }
        return d;
    }

    /** The shortest text {@link #duration(String, boolean)} reads back as {@code d}: {@code 5s}, {@code 10m}, {@code 1d}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }

    private static Duration unitDuration(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > 12) {
            throw new IllegalArgumentException("not a duration; " + DURATION_EXPECTED);
        }
        long n = Long.parseLong(s.substring(0, i));
        switch (s.substring(i).trim()) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            case "":
                throw new IllegalArgumentException("a duration needs a unit; " + DURATION_EXPECTED);
            default:
                throw new IllegalArgumentException("unknown duration unit; " + DURATION_EXPECTED);
        }
    }

    /**
     * Only {@code true} and {@code false}, in lower case as the README documents them: {@code TRUE},
     * {@code yes}, {@code 1}, {@code on} are errors, not silently {@code false} (or, in another
     * reader's hands, {@code true}).
     */
    public static boolean bool(String text) {
        String s = text.trim();
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean; expected true or false (lower case)");
    }

    public static int integer(String text, int min) {
        String s = text.trim();
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number; expected an integer of at least " + min);
        }
        if (n < min) {
            throw new IllegalArgumentException("too small; expected an integer of at least " + min);
        }
        return n;
    }

    /** Comma-separated, each item trimmed, empty items dropped. */
    public static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String t = item.trim();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return List.copyOf(items);
    }

    /** A BCP 47 language tag ({@code es}, {@code en-GB}); {@code _} is accepted for {@code -}. */
    public static Locale locale(String text) {
        String s = text.trim().replace('_', '-');
        try {
            Locale locale = new Locale.Builder().setLanguageTag(s).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale;
            }
        } catch (IllformedLocaleException e) {
            // reported below with the expectation
        }
        throw new IllegalArgumentException("not a language tag; expected e.g. en, es or en-GB");
    }
}
