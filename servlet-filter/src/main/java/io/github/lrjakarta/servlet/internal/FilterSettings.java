package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The filter's own settings, read and checked once from the config at startup. */
public final class FilterSettings {

    public final LoginRocketUrl url;
    public final PathPatterns loginRequired;
    /** Null when no logout path is configured. */
    public final String logoutPath;
    /** Null for LoginRocket Web's logout page; else an absolute URL or a path within the application. */
    public final String logoutRedirect;
    public final TokenCookie cookie;
    public final Duration refreshBefore;
    public final Duration refreshExpiredWithin;

    /**
     * Reads the settings, recording every problem in {@code problems}.
     *
     * @throws io.github.lrjakarta.core.config.LoginRocketConfigException naming every bad key and its
     *     source
     */
    public FilterSettings(LoginRocketConfig config, ConfigProblems problems) {
        this.url = problems.get(config::url);
        this.loginRequired = problems.get(() ->
                config.optional(LoginRocketKeys.LOGIN_REQUIRED, PathPatterns::parse).orElse(PathPatterns.none()));
        this.logoutPath = problems.get(() -> config.optional(LoginRocketKeys.LOGOUT_PATH, FilterSettings::path).orElse(null));
        this.logoutRedirect = problems.get(() ->
                config.optional(LoginRocketKeys.LOGOUT_REDIRECT, FilterSettings::redirect).orElse(null));
        String cookiePath = problems.get(() -> config.optional(LoginRocketKeys.COOKIE_PATH, TokenCookie::checkPath).orElse(null));
        String cookieName = problems.get(() -> config.required(LoginRocketKeys.COOKIE_NAME, TokenCookie::checkName));
        this.cookie = cookieName == null ? null : new TokenCookie(cookieName, cookiePath);
        this.refreshBefore = problems.get(() -> config.getDuration(LoginRocketKeys.REFRESH_BEFORE));
        this.refreshExpiredWithin = problems.get(() -> config.getDuration(LoginRocketKeys.REFRESH_EXPIRED_WITHIN));
        problems.throwIfAny();
    }

    private static String path(String s) {
        if (!s.startsWith("/") || s.contains("*") || s.contains("?")) {
            throw new IllegalArgumentException("expected a path within the application such as /logout");
        }
        return s;
    }

    private static String redirect(String s) {
        if (s.startsWith("/")) {
            // Browsers read a backslash as a slash and drop tabs and newlines, so /\evil.example, or a
            // tab between two slashes, would leave the site just like //evil.example.
            if (s.startsWith("//") || s.chars().anyMatch(c -> c == '\\' || c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException("expected a path within the application such as /bye"
                        + " (no //, backslash, spaces or control characters), or an absolute http(s) URL");
            }
            return s;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return s;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected an absolute http(s) URL or a path within the application such as /bye");
    }
}
