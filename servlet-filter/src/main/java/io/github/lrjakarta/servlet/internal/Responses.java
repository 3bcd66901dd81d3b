package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The answers the filter gives itself: login redirects, 401s, post-token and post-logout redirects. */
public final class Responses {

    /** The 401 body, in LoginRocket's error shape. */
    static final String LOGIN_REQUIRED_JSON =
            "{\"result\":\"error\",\"error\":\"Login required.\",\"errors\":[\"Login required.\"]}";

    private Responses() {}

    /**
     * Whether the request is a browser navigating to a page (which should be sent to the login
     * page) rather than a script or API client (which should get a 401 it can handle): a GET or
     * HEAD that accepts HTML, not marked as a script request by {@code Sec-Fetch-Mode} or {@code
     * X-Requested-With}.
     */
    public static boolean isBrowserNavigation(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null && !mode.equals("navigate")) {
            return false;
        }
        return request.getHeader("X-Requested-With") == null;
    }

    /**
     * 302 to LoginRocket Web's login page with {@code redirect_uri} set to {@code returnUrl} (built
     * by {@link #returnUrl}).
     */
    public static void redirectToLogin(HttpServletResponse response, LoginRocketUrl realm, String returnUrl) {
        String location = realm.webUri("login") + "?redirect_uri=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
        noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    /**
     * The URL LoginRocket Web should send the browser back to: {@code base} (the application's
     * public URL of this path, or the request's own) with the request's query, without anything
     * LoginRocket-shaped in it ({@code token}, {@code session}, {@code account}, an old login state):
     * a request that still has them (a HEAD, which is not a token intake) must not hand them on in
     * a {@code Location} header, nor get an old token back in front of the new one; then {@code
     * extra} (such as the new login state) appended, if not null.
     */
    public static String returnUrl(String base, String rawQuery, String extra) {
        StringBuilder back = new StringBuilder(base);
        String query = rawQuery;
        if (query != null && (QueryCredentials.mayContain(query) || query.contains(LoginState.PARAMETER))) {
            QueryCredentials credentials = QueryCredentials.parse(query, true);
            if (credentials != null) {
                query = credentials.strippedQuery();
            }
        }
        if (query != null && !query.isEmpty()) {
            back.append('?').append(query);
        }
        if (extra != null) {
            back.append(query != null && !query.isEmpty() ? '&' : '?').append(extra);
        }
        return back.toString();
    }

    /**
     * 401 with {@code WWW-Authenticate: Bearer} (with {@code error="invalid_token"} when a token was
     * presented and rejected, RFC 6750) and a JSON body in LoginRocket's error shape.
     */
    public static void unauthorized(HttpServletResponse response, boolean invalidToken) throws IOException {
        noStore(response);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(LOGIN_REQUIRED_JSON.length()); // ASCII only
        response.getWriter().write(LOGIN_REQUIRED_JSON);
    }

    /** 303 to {@code location} (a path or an absolute URL). */
    public static void seeOther(HttpServletResponse response, String location) {
        noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** Marks a response as not to be stored by any cache. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", TokenCookie.NO_STORE);
    }
}
