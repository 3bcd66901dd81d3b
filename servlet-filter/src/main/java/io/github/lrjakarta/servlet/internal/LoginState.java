package io.github.lrjakarta.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof that this browser started the login it returns from (login cross-site request forgery
 * defence). The login redirect sets a random value in a short-lived {@code HttpOnly}, {@code
 * SameSite=Lax} cookie ({@code __Host-} prefixed when secure) and puts the same value in the
 * {@code redirect_uri} as {@link #PARAMETER}; LoginRocket hands the {@code redirect_uri} back
 * with {@code token=} appended, and credentials in the URL are taken only if both agree. A page
 * elsewhere can send the browser to a URL with its own token, but cannot read or set the cookie.
 * Thread-safe.
 */
public final class LoginState {

    /** The query parameter carrying the state through LoginRocket Web. */
    public static final String PARAMETER = "lr_state";
    /** Long enough to log in, short enough that a stale value is soon gone. */
    static final int MAX_AGE_SECONDS = 600;

    private static final String NAME = "loginrocket_state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenCookie cookieRules;

    /** @param cookieRules the token cookie, whose {@code Secure} rule the state cookie follows */
    public LoginState(TokenCookie cookieRules) {
        this.cookieRules = cookieRules;
    }

    /** A fresh random state, stored in the browser's state cookie; returns the value for the {@code redirect_uri}. */
    public String start(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", header(request, state, MAX_AGE_SECONDS));
        return state;
    }

    /** Whether {@code state} from the URL is the one this browser's cookie holds. */
    public boolean matches(HttpServletRequest request, String state) {
        if (state == null || state.isEmpty()) {
            return false;
        }
        String header = request.getHeader("Cookie");
        String expected = header == null ? null : TokenCookie.valueIn(header, name(request));
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII));
    }

    /** Removes the state cookie: a state is good for one return. */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(request, "", 0));
    }

    private String name(HttpServletRequest request) {
        return cookieRules.isSecure(request) ? "__Host-" + NAME : NAME;
    }

    private String header(HttpServletRequest request, String value, int maxAge) {
        boolean secure = cookieRules.isSecure(request);
        String path = secure ? "/" : contextPath(request);
        return name(request) + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    private static String contextPath(HttpServletRequest request) {
        String cp = request.getContextPath();
        return cp == null || cp.isEmpty() ? "/" : cp;
    }
}
