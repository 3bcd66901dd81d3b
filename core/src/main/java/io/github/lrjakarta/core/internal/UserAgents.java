package io.github.lrjakarta.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library's own agent string and the rules for the end user's one.
 *
 * <p>See {@code LoginRocketClient}'s javadoc for why the library string travels in {@code LR-Agent}
 * and the browser's in {@code User-Agent}.
 */
public final class UserAgents {

    /** The product token that names this library. */
    public static final String PRODUCT = "loginrocket-jakarta";

    /** The header loginrocket.js uses for its library string; LoginRocket already accepts it. */
    public static final String LR_AGENT_HEADER = "LR-Agent";

    /** Longest end-user agent forwarded; real browser strings are 100 to 300 characters. */
    public static final int MAX_END_USER_AGENT_LENGTH = 512;

    /** Longest application part accepted in the library string. */
    public static final int MAX_APP_PART_LENGTH = 200;

    private static final String VERSION = readVersion();

    private UserAgents() {}

    /** The library's version, from the build-filtered {@code library.properties}; "unknown" if unavailable. */
    public static String version() {
        return VERSION;
    }

    /**
     * The library agent string: {@code loginrocket-jakarta/<version>}, followed by the application's
     * part when there is one.
     *
     * @param appPart the application's own agent string, already {@linkplain #checkAppPart checked}, or null
     */
    public static String libraryAgent(String appPart) {
        String lib = PRODUCT + "/" + VERSION;
        return appPart == null ? lib : lib + " " + appPart;
    }

    /**
     * Checks the application's part of the agent string (configuration, so a bad value is an error).
     *
     * @return the trimmed value, or null for null
     * @throws IllegalArgumentException if it is blank, too long, or not printable ASCII
     */
    public static String checkAppPart(String appPart) {
        if (appPart == null) {
            return null;
        }
        String v = appPart.trim();
        if (v.isEmpty() || v.length() > MAX_APP_PART_LENGTH || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("loginrocket.user-agent (builder userAgent(...)) must be 1 to "
                    + MAX_APP_PART_LENGTH + " printable ASCII characters such as 'billing-app/2.3', got '"
                    + v.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return v;
    }

    /**
     * Makes a browser-supplied agent string safe to forward: control characters are dropped,
     * non-ASCII characters become {@code ?}, the result is trimmed and cut to {@link
     * #MAX_END_USER_AGENT_LENGTH} characters. The value is untrusted input, so this never throws.
     *
     * @return the safe value, or null if nothing printable is left
     */
    public static String sanitizeEndUserAgent(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_END_USER_AGENT_LENGTH));
        for (int i = 0; i < value.length() && sb.length() < MAX_END_USER_AGENT_LENGTH; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                continue;
            }
            sb.append(c < 0x7F ? c : '?');
        }
        String s = sb.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = UserAgents.class.getResourceAsStream("library.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource in our own jar: fall through to "unknown" rather than fail the client
        }
        String v = p.getProperty("version", "").trim();
        // an unfiltered copy (an IDE build that skipped Maven resource filtering) still says ${...}
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }
}
