package io.github.lrjakarta.core.config;

/**
 * One place configuration values come from: system properties, the environment, MicroProfile
 * Config, JNDI {@code java:comp/env}, a filter's init-params, the servlet context's
 * context-params, annotation values.
 *
 * <p>A source is asked for canonical keys such as {@code loginrocket.url}; it maps them to its own
 * naming (the environment source looks for {@code LOGINROCKET_URL}). {@link LoginRocketConfig}
 * consults sources from the highest {@link #ordinal()} down and takes the first non-blank value,
 * so a blank value (an empty environment variable, say) counts as "not set here".
 *
 * <p>The standard ordinals, highest first, are the constants below. A module that contributes a
 * source uses the constant for its kind, so precedence is the same in every deployment. The CDI
 * module wraps MicroProfile Config in a source with {@link #MICROPROFILE_CONFIG}.
 *
 * <p>Implementations must be thread-safe: a config may be read from several threads.
 *
 * @since 0.1
 */
public interface ConfigSource {

    /** Ordinal of JVM system properties ({@code -Dloginrocket.url=…}). */
    int SYSTEM_PROPERTIES = 800;
    /** Ordinal of environment variables ({@code LOGINROCKET_URL}). */
    int ENVIRONMENT = 700;
    /** Ordinal of MicroProfile Config, when the CDI module finds it. */
    int MICROPROFILE_CONFIG = 600;
    /** Ordinal of JNDI {@code java:comp/env} entries (web.xml {@code env-entry}). */
    int JNDI = 500;
    /** Ordinal of the filter's init-params. */
    int FILTER_INIT_PARAMS = 400;
    /** Ordinal of the servlet context's context-params. */
    int CONTEXT_PARAMS = 300;
    /** Ordinal of values given on an annotation such as the servlet module's {@code @EnableLoginRocket}. */
    int ANNOTATION = 200;

    /**
     * A short human-readable name used in error messages, such as {@code "environment"} or
     * {@code "init-params of filter LoginRocketFilter"}.
     */
    String name();

    /** Precedence: higher ordinals win. See the constants of this interface. */
    int ordinal();

    /**
     * The raw value of a canonical key, or {@code null} when this source does not define it.
     *
     * @param key a canonical key such as {@code loginrocket.cors.allowed-origins}
     */
    String value(String key);

    /**
     * Where this source keeps {@code key}, for error messages: by default the source name and the
     * key; the environment source names the variable instead ({@code environment variable
     * LOGINROCKET_URL}).
     */
    default String location(String key) {
        return name() + " '" + key + "'";
    }
}
