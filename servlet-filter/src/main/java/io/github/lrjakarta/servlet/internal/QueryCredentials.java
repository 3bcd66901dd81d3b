package io.github.lrjakarta.servlet.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code token}, {@code session} and {@code account} parameters LoginRocket appends to a URL,
 * and the same query without them, kept byte for byte otherwise, for the redirect that takes
 * them out of the address bar.
 */
public final class QueryCredentials {

    private final String token;
    private final String session;
    private final String account;
    private final String strippedQuery;

    private QueryCredentials(String token, String session, String account, String strippedQuery) {
        this.token = token;
        this.session = session;
        this.account = account;
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
     * Parses a raw query string. Returns {@code null} when it has neither {@code token} nor {@code
     * session}. A parameter that cannot be decoded counts as present but empty, so it is still
     * removed from the URL.
     */
    public static QueryCredentials parse(String rawQuery) {
        String token = null;
        String session = null;
        String account = null;
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
            switch (name) {
                case "token":
                    found = true;
                    token = first(token, value);
                    break;
                case "session":
                    found = true;
                    session = first(session, value);
                    break;
                case "account":
                    account = first(account, value);
                    break;
                default:
                    if (!pair.isEmpty()) {
                        kept.append(kept.length() == 0 ? "" : "&").append(pair);
                    }
            }
            start = end + 1;
        }
        return found ? new QueryCredentials(token, session, account, kept.toString()) : null;
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

    /** The query without {@code token}, {@code session} and {@code account}; possibly empty. */
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
                + (account != null) + "]";
    }
}
