package io.github.lrjakarta.core.config;

import io.github.lrjakarta.core.config.internal.EnvironmentSource;
import io.github.lrjakarta.core.config.internal.LookupSource;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Factories for the {@link ConfigSource}s core can build on its own. The servlet module adds
 * init-params, context-params, JNDI and annotation sources; the CDI module adds MicroProfile
 * Config.
 *
 * @since 0.1
 */
public final class ConfigSources {

    private ConfigSources() {}

    /** The JVM's system properties, read live, at {@link ConfigSource#SYSTEM_PROPERTIES}. */
    public static ConfigSource systemProperties() {
        return new LookupSource("system properties", ConfigSource.SYSTEM_PROPERTIES, System::getProperty);
    }

    /** Given properties (tests, embedding), at {@link ConfigSource#SYSTEM_PROPERTIES}. */
    public static ConfigSource systemProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        return new LookupSource("system properties", ConfigSource.SYSTEM_PROPERTIES, properties::getProperty);
    }

    /**
     * The process environment at {@link ConfigSource#ENVIRONMENT}. A key is looked up as given,
     * then with every character other than letters and digits replaced by {@code _}, then that in
     * upper case ({@code loginrocket.cors.max-age} → {@code LOGINROCKET_CORS_MAX_AGE}), the
     * MicroProfile Config rule.
     */
    public static ConfigSource environment() {
        return new EnvironmentSource(System::getenv);
    }

    /** An environment given as a map (tests, embedding); same naming rule as {@link #environment()}. */
    public static ConfigSource environment(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        return new EnvironmentSource(variables::get);
    }

    /** An environment read through {@code getenv} (tests, embedding); same naming rule as {@link #environment()}. */
    public static ConfigSource environment(UnaryOperator<String> getenv) {
        return new EnvironmentSource(Objects.requireNonNull(getenv, "getenv"));
    }

    /**
     * A source backed by a map of canonical keys.
     *
     * @param name the name shown in error messages, e.g. {@code "init-params of filter LoginRocket"}
     * @param ordinal the precedence, one of the {@link ConfigSource} constants
     */
    public static ConfigSource of(String name, int ordinal, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return new LookupSource(name, ordinal, values::get);
    }

    /**
     * A source backed by a lookup function of canonical keys (a servlet context's {@code
     * getInitParameter}, MicroProfile Config's {@code getConfigValue(key).getRawValue()} …).
     *
     * @param name the name shown in error messages
     * @param ordinal the precedence, one of the {@link ConfigSource} constants
     * @param lookup returns the raw value or {@code null}; must be thread-safe
     */
    public static ConfigSource of(String name, int ordinal, UnaryOperator<String> lookup) {
        return new LookupSource(name, ordinal, lookup);
    }
}
