package io.github.lrjakarta.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The filter's token cookie: read straight from the {@code Cookie} header (no {@code
 * getCookies()} array for requests that do not carry it), written as a {@code Set-Cookie} header
 * with {@code HttpOnly}, {@code SameSite=Lax} and {@code Secure} unless the request is plain http
 * to a loopback host (local development against the emulator), expiring with the token.
 */
public final class TokenCookie {

    private final String name;
    /** Fixed path, or null to use the request's context path. */
    private final String path;

    /**
     * @param name a cookie name (RFC 6265 token)
     * @param path the cookie path, or null for the application's context path
     * @throws IllegalArgumentException if the name or path is unusable, saying what is expected
     */
    public TokenCookie(String name, String path) {
        this.name = checkName(name);
        this.path = path == null ? null : checkPath(path);
    }

    /** Returns the name if it is an RFC 6265 token, else throws saying what is expected. */
    public static String checkName(String name) {
        if (name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("not a cookie name; expected letters, digits and !#$%&'*+-.^_`|~");
        }
        return name;
    }

    /** Returns the path if usable in {@code Set-Cookie}, else throws saying what is expected. */
    public static String checkPath(String path) {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == ';' || c >= 127)) {
            throw new IllegalArgumentException("not a cookie path; expected a path starting with / without ; or spaces");
        }
        return path;
    }

    public String name() {
        return name;
    }

    /** The cookie's value in the request, or null. */
    public String read(HttpServletRequest request) {
        String header = request.getHeader("Cookie");
        if (header == null || header.indexOf(name) < 0) {
            return null;
        }
        return valueIn(header);
    }

    /** The value of this cookie in a {@code Cookie} header, or null. */
    String valueIn(String header) {
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ';')) {
                i++;
            }
            int end = header.indexOf(';', i);
            if (end < 0) {
                end = n;
            }
            int eq = header.indexOf('=', i);
            if (eq > 0 && eq < end && eq - i == name.length() && header.regionMatches(i, name, 0, name.length())) {
                String value = header.substring(eq + 1, end).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
            i = end + 1;
        }
        return null;
    }

    /** Stores a token until {@code expiresAt}. */
    public void write(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt, Instant now) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
        response.addHeader("Set-Cookie", header(request, token, maxAge));
    }

    /** Removes the cookie from the browser. */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(request, "", 0));
    }

    private String header(HttpServletRequest request, String value, long maxAge) {
        StringBuilder sb = new StringBuilder(64 + value.length());
        sb.append(name).append('=').append(value)
                .append("; Path=").append(path != null ? path : contextPath(request))
                .append("; Max-Age=").append(maxAge)
                .append("; HttpOnly; SameSite=Lax");
        if (!isPlainHttpLoopback(request)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    private static String contextPath(HttpServletRequest request) {
        String cp = request.getContextPath();
        return cp == null || cp.isEmpty() ? "/" : cp;
    }

    /** Plain http to localhost or a loopback address: the only case where {@code Secure} is left off. */
    static boolean isPlainHttpLoopback(HttpServletRequest request) {
        if (request.isSecure()) {
            return false;
        }
        String host = request.getServerName();
        return host != null && (host.equalsIgnoreCase("localhost") || isIpv4Loopback(host)
                || host.equals("[::1]") || host.equals("::1"));
    }

    private static boolean isIpv4Loopback(String host) {
        if (!host.startsWith("127.")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false; // a DNS name such as 127.example.com
            }
        }
        return true;
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
