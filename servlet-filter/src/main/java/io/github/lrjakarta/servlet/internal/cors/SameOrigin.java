package io.github.lrjakarta.servlet.internal.cors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether an {@code Origin} names the request's own origin ({@code getScheme()}, {@code
 * getServerName()}, {@code getServerPort()}). Browsers send {@code Origin} on same-origin {@code
 * POST}s and {@code fetch} calls too; those are not cross-origin and must not be refused for not
 * being listed. Behind a reverse proxy this relies on the container reporting the public scheme,
 * host and port (forwarded-header handling), as everything else in the servlet API does.
 *
 * <p>Stateless and thread-safe; does not allocate.
 */
public final class SameOrigin {

    private SameOrigin() {}

    /** Whether {@code origin} (possibly malformed, which is never same-origin) is the request's own. */
    public static boolean matches(HttpServletRequest req, String origin) {
        long parsed = OriginSyntax.parse(origin);
        if (parsed == OriginSyntax.MALFORMED) {
            return false;
        }
        String scheme = req.getScheme();
        String host = req.getServerName();
        if (scheme == null || host == null) {
            return false;
        }
        int schemeEnd = OriginSyntax.schemeEnd(parsed);
        if (scheme.length() != schemeEnd || !origin.regionMatches(true, 0, scheme, 0, schemeEnd)) {
            return false;
        }
        int port = req.getServerPort();
        if (port <= 0) {
            port = OriginSyntax.defaultPort(scheme, scheme.length());
        }
        if (port != OriginSyntax.port(parsed)) {
            return false;
        }
        int hostStart = OriginSyntax.hostStart(parsed);
        int hostLength = OriginSyntax.hostEnd(parsed) - hostStart;
        if (host.length() == hostLength) {
            return origin.regionMatches(true, hostStart, host, 0, hostLength);
        }
        // Some containers report an IPv6 server name without its brackets.
        return host.length() == hostLength - 2
                && origin.charAt(hostStart) == '['
                && origin.regionMatches(true, hostStart + 1, host, 0, host.length());
    }
}
