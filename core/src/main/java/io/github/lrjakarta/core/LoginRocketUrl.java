package io.github.lrjakarta.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * The URL of one LoginRocket realm, checked and normalised once.
 *
 * <p>A realm is addressed by its LoginRocket URL, such as {@code https://sample.e2.loginrocket.com}
 * or a custom domain such as {@code https://login.example.com}. From it this class derives the
 * three places the library talks to:
 *
 * <ul>
 *   <li>{@link #apiBase()}: the JSON API, always ending in {@code /v2/} (a configured
 *       {@code https://x.example.com}, {@code …/v2} or {@code …/v2/} all give the same value);
 *   <li>{@link #jwksUri()}: the key set at {@code /connect/jwks} on the same host, outside
 *       {@code /v2/};
 *   <li>{@link #webUri(String)}: LoginRocket Web pages such as {@code /login} and {@code /logout}.
 * </ul>
 *
 * <p>LoginRocket is https only. Plain {@code http} is accepted only when the host is a loopback
 * address (the testkit emulator, local tests) <em>and</em> the caller passed {@code
 * allowInsecureLoopback = true}; the error message otherwise names the setting that allows it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LoginRocketUrl {

    /** The configuration key this URL is read from; named in error messages. */
    public static final String KEY = "loginrocket.url";

    private final URI root;
    private final boolean loopback;

    private LoginRocketUrl(URI root, boolean loopback) {
        this.root = root;
        this.loopback = loopback;
    }

    /**
     * Parses and checks a realm URL.
     *
     * @param url the realm's LoginRocket URL, with or without a trailing {@code /v2/}
     * @param allowInsecureLoopback whether plain {@code http} to a loopback address is allowed
     * @return the normalised URL
     * @throws IllegalArgumentException if the URL is malformed, not absolute, has a query or
     *     fragment or user info, or is plain http where that is not allowed
     */
    public static LoginRocketUrl parse(String url, boolean allowInsecureLoopback) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    KEY + " is missing: set it to the realm's LoginRocket URL, e.g. https://example.e2.loginrocket.com");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    KEY + " is not a valid URL (" + e.getReason() + "): expected e.g. https://example.e2.loginrocket.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    KEY + " must be an absolute https URL such as https://example.e2.loginrocket.com, got '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    KEY + " must not contain a query, a fragment or user info: give only scheme, host, port and path,"
                            + " e.g. https://example.e2.loginrocket.com");
        }
        boolean loopback = isLoopbackHost(uri.getHost());
        if (scheme.equals("http")) {
            if (!loopback) {
                throw new IllegalArgumentException(KEY + " must use https: LoginRocket is https only (TLS 1.2+), got '"
                        + url + "'");
            }
            if (!allowInsecureLoopback) {
                throw new IllegalArgumentException(KEY + " uses plain http to a loopback address ('" + url
                        + "'); that is refused unless loginrocket.allow-insecure-loopback=true"
                        + " (builder: allowInsecureLoopback(true)), meant for the testkit emulator and tests");
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        if (path.endsWith("/v2/")) {
            path = path.substring(0, path.length() - "v2/".length());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        URI root = URI.create(scheme + "://" + hostForUri(host) + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path);
        return new LoginRocketUrl(root, loopback);
    }

    /** The realm root, ending in {@code /} (for example {@code https://x.e2.loginrocket.com/}). */
    public URI root() {
        return root;
    }

    /** The JSON API base, ending in {@code /v2/}. */
    public URI apiBase() {
        return root.resolve("v2/");
    }

    /** The key set that signs login tokens: {@code /connect/jwks}, outside {@code /v2/}. */
    public URI jwksUri() {
        return root.resolve("connect/jwks");
    }

    /**
     * A LoginRocket Web page of this realm.
     *
     * @param path a relative page path such as {@code login}, {@code logout} or {@code profile};
     *     a leading {@code /} is ignored
     */
    public URI webUri(String path) {
        Objects.requireNonNull(path, "path");
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Whether the URL uses https. */
    public boolean isHttps() {
        return root.getScheme().equals("https");
    }

    /** Whether the host is a loopback address. */
    public boolean isLoopback() {
        return loopback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginRocketUrl other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Literal loopback addresses and {@code localhost} only: no DNS lookup for other names. */
    private static boolean isLoopbackHost(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && h.indexOf(':') < 0) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
