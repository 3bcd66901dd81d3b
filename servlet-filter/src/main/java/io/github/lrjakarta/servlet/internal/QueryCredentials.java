package io.github.lrjakarta.servlet.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code token}, {@code session} and {@code account} parameters LoginRocket appends to a URL,
 * and the same query without them, kept byte for byte otherwise, for the redirect that takes
 * them out of the address bar.
 *
 * <p>Only values shaped like LoginRocket's are credentials: a {@code token} of three base64url
 * segments (a JWT), a {@code session} of {@code kss_} and letters and digits (and only when session
 * intake is on), with its {@code account}. Anything else is the application's own parameter (a
 * password-reset page's {@code ?token=tpw:…}) and stays where it is.
 */
public final class QueryCredentials {

    /** Longer values are not LoginRocket tokens (the verifier refuses them too). */
    private static final int MAX_TOKEN_LENGTH = 16_384;

    private final String token;
    private final String session;
    private final String account;
    private final String state;
    private final String strippedQuery;

    private QueryCredentials(String token, String session, String account, String state, String strippedQuery) {
        this.token = token;
        this.session = session;
        this.account = account;
        this.state = state;
        this.strippedQuery = strippedQuery;
    }

    /**
     * Cheap pre-check on the raw query: could it carry a {@code token} or {@code session}
     * parameter? False positives are fine ({@link #parse} decides), false negatives are not.
     */
    public static boolean mayContain(String rawQuery) {
        // Without '=' too: parse() reports a bare "token" or "session" as present, and strips it.
        return rawQuery.contains("token") || rawQuery.contains("session");
    }

    /**
     * Parses a raw query string. Returns {@code null} when it has neither a LoginRocket-shaped
     * {@code token} nor (with {@code sessionIntake}) a {@code kss_} {@code session} nor a login
     * state; the URL is then none of the library's business.
     *
     * @param sessionIntake whether {@code session} (and {@code account}) are credentials here
     */
    public static QueryCredentials parse(String rawQuery, boolean sessionIntake) {
        String token = null;
        String session = null;
        String account = null;
        String state = null;
        boolean found = false;
        StringBuilder kept = new StringBuilder(rawQuery.length());
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            String pair = rawQuery.substring(start, end);
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.equals("token") && isJwtShaped(value)) {
                found = true;
                token = first(token, value);
            } else if (sessionIntake && name.equals("session") && isId(value, "kss_")) {
                found = true;
                session = first(session, value);
            } else if (sessionIntake && name.equals("account")) {
                account = first(account, value);
            } else if (name.equals(LoginState.PARAMETER)) {
                state = first(state, value);
            } else if (!pair.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
            start = end + 1;
        }
        return found || state != null ? new QueryCredentials(token, session, account, state, kept.toString()) : null;
    }

    /** Three base64url segments separated by dots, the first two not empty: the shape of a JWT. */
    static boolean isJwtShaped(String value) {
        int n = value.length();
        if (n == 0 || n > MAX_TOKEN_LENGTH) {
            return false;
        }
        int dots = 0;
        int segmentStart = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (i == segmentStart || ++dots > 2) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    /** A LoginRocket id such as {@code kss_…}: the prefix and 1 to 64 letters and digits. */
    public static boolean isId(String value, String prefix) {
        int n = value.length();
        if (!value.startsWith(prefix) || n == prefix.length() || n > prefix.length() + 64) {
            return false;
        }
        for (int i = prefix.length(); i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static String first(String current, String value) {
        return current != null ? current : value;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Whether a token or session id was found (not merely a login state). */
    public boolean hasCredentials() {
        return token != null || session != null;
    }

    /** The login token, or null / empty. */
    public String token() {
        return token;
    }

    /** The session id, or null / empty. */
    public String session() {
        return session;
    }

    /** The account (org id), or null / empty. */
    public String account() {
        return account;
    }

    /** The {@link LoginState#PARAMETER} value, or null / empty. */
    public String state() {
        return state;
    }

    /** The query without {@code token}, {@code session}, {@code account} and the login state; possibly empty. */
    public String strippedQuery() {
        return strippedQuery;
    }

    /**
     * The URL to redirect to: the request URI with the stripped query. Leading slashes are
     * collapsed so a request for {@code //evil.example/…} cannot turn into a protocol-relative
     * redirect to another host; tabs and line breaks among them go too, since browsers drop them
     * from a {@code Location} before reading it.
     *
     * @param rawRequestUri {@code HttpServletRequest.getRequestURI()}
     */
    public String location(String rawRequestUri) {
        int i = 0;
        while (i < rawRequestUri.length() && "/\\\t\n\r".indexOf(rawRequestUri.charAt(i)) >= 0) {
            i++;
        }
        String path = "/" + rawRequestUri.substring(i);
        return strippedQuery.isEmpty() ? path : path + "?" + strippedQuery;
    }

    @Override
    public String toString() {
        // Never the values: they are credentials.
        return "QueryCredentials[token=" + (token != null) + ", session=" + (session != null) + ", account="
                + (account != null) + ", state=" + (state != null) + "]";
    }
}
