package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Environment variables with the MicroProfile Config naming rule: the key as given, then with
 * non-alphanumerics replaced by {@code _}, then that upper-cased. The variable lookup is injected
 * so tests never touch the real environment.
 */
public final class EnvironmentSource implements ConfigSource {

    private final UnaryOperator<String> getenv;

    public EnvironmentSource(UnaryOperator<String> getenv) {
        this.getenv = getenv;
    }

    /** {@code loginrocket.cors.max-age} → {@code LOGINROCKET_CORS_MAX_AGE}. */
    public static String variableName(String key) {
        return sanitize(key).toUpperCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public int ordinal() {
        return ENVIRONMENT;
    }

    @Override
    public String value(String key) {
        String found = getenv.apply(key);
        if (found != null) {
            return found;
        }
        String sanitized = sanitize(key);
        found = getenv.apply(sanitized);
        return found != null ? found : getenv.apply(sanitized.toUpperCase(Locale.ROOT));
    }

    @Override
    public String location(String key) {
        String[] candidates = {key, sanitize(key)};
        for (String candidate : candidates) {
            if (getenv.apply(candidate) != null) {
                return "environment variable " + candidate;
            }
        }
        return "environment variable " + variableName(key);
    }

    private static String sanitize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "environment (ordinal " + ENVIRONMENT + ")";
    }
}
