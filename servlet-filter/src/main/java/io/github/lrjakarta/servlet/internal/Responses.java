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
     * 302 to LoginRocket Web's login page with a {@code redirect_uri} back to this URL, without
     * {@code token}, {@code session} and {@code account}: a request that still has them in its query
     * (a HEAD, which is not a token intake) must not hand them on in a {@code Location} header, nor
     * get the old token back in front of the new one.
     */
    public static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, LoginRocketUrl realm) {
        StringBuffer back = request.getRequestURL();
        String query = request.getQueryString();
        if (query != null && QueryCredentials.mayContain(query)) {
            QueryCredentials credentials = QueryCredentials.parse(query);
            if (credentials != null) {
                query = credentials.strippedQuery().isEmpty() ? null : credentials.strippedQuery();
            }
        }
        if (query != null) {
            back.append('?').append(query);
        }
        String location = realm.webUri("login") + "?redirect_uri=" + URLEncoder.encode(back.toString(), StandardCharsets.UTF_8);
        noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
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

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
