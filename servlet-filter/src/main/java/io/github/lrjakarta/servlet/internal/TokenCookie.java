package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.config.ModuleDefaults;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The filter's token cookie: read straight from the {@code Cookie} header (no {@code
 * getCookies()} array for requests that do not carry it), written as a {@code Set-Cookie} header
 * with {@code HttpOnly}, {@code SameSite=Lax} and {@code Secure}, expiring with the token.
 *
 * <p>{@code Secure} is left off only when {@code loginrocket.allow-insecure-loopback} is on and the
 * request came over plain http (local development against the emulator); never because of what a
 * {@code Host} header says. With the default name, a secure cookie for {@code Path=/} is called
 * {@code __Host-loginrocket_token}: browsers accept a {@code __Host-} cookie only from this very
 * host over https, so a sibling subdomain cannot plant one (cookie tossing). A request carrying
 * several cookies of our name has none, since the browser does not say which one is ours.
 *
 * <p>Every response that sets or clears the cookie is marked {@code Cache-Control: private,
 * no-store}: no shared cache may keep one user's token for the next.
 */
public final class TokenCookie {

    /** The name used when {@code loginrocket.cookie.name} is not set. */
    public static final String DEFAULT_NAME = ModuleDefaults.COOKIE_NAME;
    /** What responses that set or clear a credential cookie carry. */
    public static final String NO_STORE = "private, no-store";

    private static final String HOST_PREFIX = "__Host-";

    private final String name;
    private final boolean defaultName;
    /** Fixed path, or null to use the request's context path. */
    private final String path;
    private final boolean allowInsecureLoopback;

    /**
     * @param name a cookie name (RFC 6265 token), or null for the default ({@link #DEFAULT_NAME},
     *     {@code __Host-} prefixed where the cookie is secure with {@code Path=/})
     * @param path the cookie path, or null for the application's context path
     * @param allowInsecureLoopback whether plain http requests get a cookie without {@code Secure}
     * @throws IllegalArgumentException if the name or path is unusable, saying what is expected
     */
    public TokenCookie(String name, String path, boolean allowInsecureLoopback) {
        this.defaultName = name == null;
        this.name = name == null ? DEFAULT_NAME : checkName(name);
        this.path = path == null ? null : checkPath(path);
        this.allowInsecureLoopback = allowInsecureLoopback;
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

    /** The cookie's name for this request (the default name gains {@code __Host-} where it can). */
    public String name(HttpServletRequest request) {
        return defaultName && isSecure(request) && "/".equals(path(request)) ? HOST_PREFIX + name : name;
    }

    /** The cookie's value in the request, or null (also when the request carries it more than once). */
    public String read(HttpServletRequest request) {
        String header = request.getHeader("Cookie");
        if (header == null || header.indexOf(name) < 0) {
            return null;
        }
        return valueIn(header, name(request));
    }

    /** The value of the cookie {@code cookieName} in a {@code Cookie} header; null if absent, empty or repeated. */
    static String valueIn(String header, String cookieName) {
        String found = null;
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
            if (eq > 0 && eq < end && eq - i == cookieName.length() && header.regionMatches(i, cookieName, 0, cookieName.length())) {
                if (found != null) {
                    return null; // two cookies of our name: one was planted by someone else
                }
                String value = header.substring(eq + 1, end).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                found = value;
            }
            i = end + 1;
        }
        return found == null || found.isEmpty() ? null : found;
    }

    /** Stores a token until {@code expiresAt}. */
    public void write(HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt, Instant now) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
        response.addHeader("Set-Cookie", header(request, token, maxAge));
        response.setHeader("Cache-Control", NO_STORE);
    }

    /** Removes the cookie from the browser. */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(request, "", 0));
        response.setHeader("Cache-Control", NO_STORE);
    }

    private String header(HttpServletRequest request, String value, long maxAge) {
        StringBuilder sb = new StringBuilder(64 + value.length());
        sb.append(name(request)).append('=').append(value)
                .append("; Path=").append(path(request))
                .append("; Max-Age=").append(maxAge)
                .append("; HttpOnly; SameSite=Lax");
        if (isSecure(request)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    private String path(HttpServletRequest request) {
        if (path != null) {
            return path;
        }
        String cp = request.getContextPath();
        return cp == null || cp.isEmpty() ? "/" : cp;
    }

    /** {@code Secure} unless insecure loopback use is allowed and the request is plain http. */
    public boolean isSecure(HttpServletRequest request) {
        return !allowInsecureLoopback || request.isSecure();
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
