package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.SessionChecks;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.ConfigValue;
import io.github.lrjakarta.core.config.LoginRocketFactory;
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
    /** Whether {@code ?session=} is taken from URLs. */
    public final boolean sessionIntake;
    /** LoginRocket calls per second anonymous input may start. */
    public final int anonymousCallRate;
    /** Where URL credentials are taken without a login state. */
    public final PathPatterns loginLanding;
    /** The application's public base URL without a trailing slash, or null to use the request's. */
    public final String publicUrl;
    /** How often an active session is confirmed at LoginRocket; null when the re-check is off (the default). */
    public final Duration sessionRecheckInterval;
    /** The realm's record of re-check claims (shared between nodes with a shared store); null when the re-check is off. */
    public final SessionChecks sessionChecks;

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
        // The built-in default name gains __Host- where it can; a configured name is used as given.
        String cookieName = problems.get(() -> config.lookup(LoginRocketKeys.COOKIE_NAME)
                .filter(v -> !ConfigValue.DEFAULT_SOURCE.equals(v.sourceName()))
                .map(v -> config.required(LoginRocketKeys.COOKIE_NAME, TokenCookie::checkName))
                .orElse(null));
        Boolean insecureLoopback = problems.get(() -> config.getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK));
        this.cookie = problems.get(() -> new TokenCookie(cookieName, cookiePath, Boolean.TRUE.equals(insecureLoopback)));
        this.refreshBefore = problems.get(() -> config.getDuration(LoginRocketKeys.REFRESH_BEFORE));
        this.refreshExpiredWithin = problems.get(() -> config.getDuration(LoginRocketKeys.REFRESH_EXPIRED_WITHIN));
        this.sessionIntake = Boolean.TRUE.equals(problems.get(() -> config.getBoolean(LoginRocketKeys.SESSION_INTAKE)));
        Integer rate = problems.get(() -> config.getInt(LoginRocketKeys.ANONYMOUS_CALL_RATE));
        this.anonymousCallRate = rate == null ? 1 : rate;
        this.loginLanding = problems.get(() ->
                config.optional(LoginRocketKeys.LOGIN_LANDING_PATHS, PathPatterns::parse).orElse(PathPatterns.none()));
        this.publicUrl = problems.get(() -> config.optional(LoginRocketKeys.PUBLIC_URL,
                s -> publicUrl(s, Boolean.TRUE.equals(insecureLoopback))).orElse(null));
        this.sessionRecheckInterval = problems.get(() -> config.sessionRecheckInterval().orElse(null));
        // connects a shared record (joins the cluster) now, so that a bad store setting fails the deployment
        this.sessionChecks = sessionRecheckInterval == null ? null
                : problems.get(() -> LoginRocketFactory.of(config).sessionChecks());
        problems.throwIfAny();
    }

    /** An absolute https URL (http only for a loopback host with insecure loopback allowed), no query or fragment. */
    private static String publicUrl(String s, boolean allowInsecureLoopback) {
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            boolean loopback = host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
            boolean schemeOk = scheme.equals("https") || scheme.equals("http") && allowInsecureLoopback && loopback;
            if (schemeOk && host != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected the application's public https URL such as https://app.example.com/shop"
                + " (no query or fragment; http only for a loopback host with allow-insecure-loopback)");
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
