package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import io.github.lrjakarta.servlet.EnableLoginRocket;
import java.util.HashMap;
import java.util.Map;

/** The values of an {@link EnableLoginRocket} annotation, at the lowest precedence. */
public final class AnnotationSource implements ConfigSource {

    private final String name;
    private final Map<String, String> values;

    private AnnotationSource(String name, Map<String, String> values) {
        this.name = name;
        this.values = values;
    }

    /**
     * Reads an annotation.
     *
     * @param annotated the class carrying it, named in error messages
     * @throws IllegalArgumentException for a {@link EnableLoginRocket#properties()} entry that is
     *     not {@code loginrocket.key=value}
     */
    public static AnnotationSource of(EnableLoginRocket a, Class<?> annotated) {
        String name = "@EnableLoginRocket on " + annotated.getName();
        Map<String, String> v = new HashMap<>();
        for (String property : a.properties()) {
            int eq = property.indexOf('=');
            String key = eq < 0 ? "" : property.substring(0, eq).trim();
            if (!key.startsWith(LoginRocketKeys.PREFIX) || key.length() == LoginRocketKeys.PREFIX.length()) {
                throw new IllegalArgumentException(name + ": properties entry '" + property
                        + "' is not of the form loginrocket.key=value");
            }
            v.put(key, property.substring(eq + 1));
        }
        put(v, LoginRocketKeys.URL, a.url());
        put(v, LoginRocketKeys.ALLOW_INSECURE_LOOPBACK, a.allowInsecureLoopback());
        put(v, LoginRocketKeys.LOCALE, a.locale());
        put(v, LoginRocketKeys.USER_AGENT, a.userAgent());
        put(v, LoginRocketKeys.CONNECT_TIMEOUT, a.connectTimeout());
        put(v, LoginRocketKeys.RESPONSE_TIMEOUT, a.responseTimeout());
        put(v, LoginRocketKeys.JWT_ISSUER, a.jwtIssuer());
        put(v, LoginRocketKeys.JWT_LEEWAY, a.jwtLeeway());
        put(v, LoginRocketKeys.JWT_REALM, a.jwtRealm());
        put(v, LoginRocketKeys.LOGIN_REQUIRED, a.loginRequired());
        put(v, LoginRocketKeys.LOGOUT_PATH, a.logoutPath());
        put(v, LoginRocketKeys.LOGOUT_REDIRECT, a.logoutRedirect());
        put(v, LoginRocketKeys.COOKIE_NAME, a.cookieName());
        put(v, LoginRocketKeys.CORS_ALLOWED_ORIGINS, a.corsAllowedOrigins());
        put(v, LoginRocketKeys.CORS_ALLOWED_METHODS, a.corsAllowedMethods());
        put(v, LoginRocketKeys.CORS_ALLOWED_HEADERS, a.corsAllowedHeaders());
        put(v, LoginRocketKeys.CORS_EXPOSED_HEADERS, a.corsExposedHeaders());
        put(v, LoginRocketKeys.CORS_ALLOW_CREDENTIALS, a.corsAllowCredentials());
        put(v, LoginRocketKeys.CORS_MAX_AGE, a.corsMaxAge());
        put(v, LoginRocketKeys.CORS_REJECT_DISALLOWED, a.corsRejectDisallowed());
        put(v, LoginRocketKeys.CORS_ALLOW_PRIVATE_NETWORK, a.corsAllowPrivateNetwork());
        return new AnnotationSource(name, Map.copyOf(v));
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (!value.isEmpty()) {
            v.put(LoginRocketKeys.PREFIX + key, value);
        }
    }

    private static void put(Map<String, String> v, String key, String[] values) {
        if (values.length > 0) {
            v.put(LoginRocketKeys.PREFIX + key, String.join(", ", values));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int ordinal() {
        return ANNOTATION;
    }

    @Override
    public String value(String key) {
        return values.get(key);
    }

    @Override
    public String location(String key) {
        return name + " (" + key + ")";
    }
}
