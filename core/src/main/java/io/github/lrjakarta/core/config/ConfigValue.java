package io.github.lrjakarta.core.config;

import java.util.Objects;

/**
 * A raw configuration value and where it came from.
 *
 * <p>{@link #toString()} masks secret values (see {@link LoginRocketKeys#isSecret(String)}).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ConfigValue {

    /** The {@link #sourceName()} of values that no source set: the built-in default. */
    public static final String DEFAULT_SOURCE = "default";

    private final String key;
    private final String value;
    private final String sourceName;
    private final String location;

    ConfigValue(String key, String value, String sourceName, String location) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** The canonical key, e.g. {@code loginrocket.partners.url}. */
    public String key() {
        return key;
    }

    /** The raw value, trimmed. */
    public String value() {
        return value;
    }

    /** The {@link ConfigSource#name()} the value came from, or {@link #DEFAULT_SOURCE}. */
    public String sourceName() {
        return sourceName;
    }

    /** Where exactly the value was found, e.g. {@code environment variable LOGINROCKET_URL}. */
    public String location() {
        return location;
    }

    /** Whether the value came from the built-in default rather than a source. */
    public boolean isDefault() {
        return DEFAULT_SOURCE.equals(sourceName);
    }

    /** Whether the value must not appear in logs or messages. */
    public boolean isSecret() {
        return LoginRocketKeys.isSecret(key);
    }

    @Override
    public String toString() {
        return key + "=" + (isSecret() ? "(secret)" : "'" + value + "'") + " from " + location;
    }
}
