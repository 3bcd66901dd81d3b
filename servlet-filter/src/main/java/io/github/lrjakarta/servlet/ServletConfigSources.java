package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.internal.AnnotationSource;
import io.github.lrjakarta.servlet.internal.JndiSource;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration sources a servlet container offers, and the standard stack built from them.
 * Used by {@link LoginRocketFilter}; the CDI module uses {@link #forApplication(ServletContext)} so
 * that both read the same keys from the same places.
 *
 * <p>The standard stack, highest precedence first: system properties, environment, sources
 * registered through {@code META-INF/services/io.github.lrjakarta.core.config.ConfigSource} (such
 * as MicroProfile Config, placed by their ordinal), JNDI {@code java:comp/env}, the filter's
 * init-params, the context-params, the {@link EnableLoginRocket} annotation, built-in defaults.
 *
 * @since 0.1
 */
public final class ServletConfigSources {

    /** The context attribute that keeps the {@link EnableLoginRocket} source. */
    private static final String ANNOTATION_SOURCE = EnableLoginRocket.class.getName() + ".source";

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
     * The application's {@link EnableLoginRocket} values, as a source: found among the classes an
     * initializer's {@code @HandlesTypes(EnableLoginRocket.class)} reported, on the first call (of
     * this library's initializer or the CDI module's, in whichever order the container runs them),
     * and kept in the context for {@link #forApplication(ServletContext)}.
     *
     * @param handlesTypes the classes the container passed to {@code onStartup}, or {@code null}
     * @return the source, empty unless exactly one class carries the annotation
     * @throws IllegalArgumentException for a malformed {@link EnableLoginRocket#properties()} entry
     * @since 0.2
     */
    public static Optional<ConfigSource> annotation(ServletContext context, Set<Class<?>> handlesTypes) {
        Object kept = context.getAttribute(ANNOTATION_SOURCE);
        if (kept instanceof ConfigSource) {
            return Optional.of((ConfigSource) kept);
        }
        List<Class<?>> annotated = new ArrayList<>();
        if (handlesTypes != null) {
            for (Class<?> c : handlesTypes) {
                // @HandlesTypes also reports subclasses and the like; only direct carriers count.
                if (c.isAnnotationPresent(EnableLoginRocket.class)) {
                    annotated.add(c);
                }
            }
        }
        if (annotated.size() != 1) {
            return Optional.empty();
        }
        Class<?> owner = annotated.get(0);
        ConfigSource source = annotation(owner.getAnnotation(EnableLoginRocket.class), owner);
        context.setAttribute(ANNOTATION_SOURCE, source);
        return Optional.of(source);
    }

    /**
     * What application-wide components (the CDI extension) see: the standard stack without filter
     * init-params, with the {@link EnableLoginRocket} values once an initializer has found them
     * ({@link #annotation(ServletContext, Set)}).
     *
     * @since 0.2
     */
    public static LoginRocketConfig.Builder forApplication(ServletContext context) {
        LoginRocketConfig.Builder builder = forContext(context);
        Object annotation = context.getAttribute(ANNOTATION_SOURCE);
        if (annotation instanceof ConfigSource) {
            builder.source((ConfigSource) annotation);
        }
        return builder;
    }

    /**
     * The standard stack without filter init-params and without the annotation, which only
     * configures the filter it registers ({@link LoginRocketInitializer}) and application-wide
     * components ({@link #forApplication(ServletContext)}).
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
