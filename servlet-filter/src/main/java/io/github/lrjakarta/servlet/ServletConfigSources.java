package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.internal.AnnotationSource;
import io.github.lrjakarta.servlet.internal.JndiSource;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

/**
 * The configuration sources a servlet container offers, and the standard stack built from them.
 * Used by {@link LoginRocketFilter}; the CDI module uses {@link #forContext(ServletContext)} so that
 * both read the same keys from the same places.
 *
 * <p>The standard stack, highest precedence first: system properties, environment, sources
 * registered through {@code META-INF/services/io.github.lrjakarta.core.config.ConfigSource} (such
 * as MicroProfile Config, placed by their ordinal), JNDI {@code java:comp/env}, the filter's
 * init-params, the context-params, the {@link EnableLoginRocket} annotation, built-in defaults.
 *
 * @since 0.1
 */
public final class ServletConfigSources {

    private ServletConfigSources() {}

    /** A filter's init-params ({@code <init-param>} in web.xml), at {@link ConfigSource#FILTER_INIT_PARAMS}. */
    public static ConfigSource initParams(FilterConfig filterConfig) {
        return ConfigSources.of("init-params of filter " + filterConfig.getFilterName(),
                ConfigSource.FILTER_INIT_PARAMS, filterConfig::getInitParameter);
    }

    /**
     * The init-params of a filter registration (a filter declared in web.xml, seen before the
     * container initialises it), at {@link ConfigSource#FILTER_INIT_PARAMS}.
     */
    public static ConfigSource initParams(FilterRegistration registration) {
        return ConfigSources.of("init-params of filter " + registration.getName(),
                ConfigSource.FILTER_INIT_PARAMS, registration::getInitParameter);
    }

    /** The context-params ({@code <context-param>} in web.xml), at {@link ConfigSource#CONTEXT_PARAMS}. */
    public static ConfigSource contextParams(ServletContext context) {
        String path = context.getContextPath();
        return ConfigSources.of("context-params of " + (path == null || path.isEmpty() ? "the root context" : path),
                ConfigSource.CONTEXT_PARAMS, context::getInitParameter);
    }

    /**
     * JNDI {@code java:comp/env} (web.xml {@code <env-entry>} named like the key), at {@link
     * ConfigSource#JNDI}. Without naming support in the container it has no values.
     */
    public static ConfigSource jndi() {
        return new JndiSource();
    }

    /**
     * The values of an {@link EnableLoginRocket} annotation, at {@link ConfigSource#ANNOTATION}.
     *
     * @param annotated the class that carries it, named in error messages
     * @throws IllegalArgumentException for a malformed {@link EnableLoginRocket#properties()} entry
     */
    public static ConfigSource annotation(EnableLoginRocket annotation, Class<?> annotated) {
        return AnnotationSource.of(annotation, annotated);
    }

    /**
     * The standard stack without filter init-params: what application-wide components (the CDI
     * extension) see.
     */
    public static LoginRocketConfig.Builder forContext(ServletContext context) {
        return LoginRocketConfig.builder()
                .systemSources()
                .discoveredSources(classLoader(context))
                .source(jndi())
                .source(contextParams(context));
    }

    /** The standard stack for a filter, init-params included. */
    public static LoginRocketConfig.Builder forFilter(FilterConfig filterConfig) {
        return forContext(filterConfig.getServletContext()).source(initParams(filterConfig));
    }

    private static ClassLoader classLoader(ServletContext context) {
        ClassLoader cl = context.getClassLoader();
        return cl != null ? cl : ServletConfigSources.class.getClassLoader();
    }
}
