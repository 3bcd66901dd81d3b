package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.ServletConfigSources;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of each realm, from the sources the servlet filter reads too, highest first:
 * system properties, environment, MicroProfile Config (when present, discovered through {@code
 * META-INF/services}), JNDI {@code java:comp/env}, the servlet context's context-params and the
 * application's {@code @EnableLoginRocket} values (once the web application's {@link ServletContext}
 * is known), built-in defaults.
 *
 * <p>The same stack as {@link ServletConfigSources#forApplication(ServletContext)}, which is used as
 * soon as the servlet context is known. It may arrive after bean validation: CDI containers can boot
 * before the web application's initializers and listeners run (WildFly always, Weld servlet on
 * Tomcat depending on initializer order). Configs are built on demand and read their sources live,
 * so beans created later see the context-params.
 * Thread-safe.
 */
public final class RealmConfigs {

    private final ClassLoader classLoader;
    private final List<ConfigSource> extraSources;
    private volatile ServletContext servletContext;

    /**
     * @param classLoader where {@code META-INF/services} config sources are looked up until the
     *     servlet context (and its class loader) is known
     * @param extraSources sources given to the extension in code (Weld SE, tests), placed by their ordinal
     */
    public RealmConfigs(ClassLoader classLoader, List<ConfigSource> extraSources) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.extraSources = List.copyOf(extraSources);
    }

    /**
     * Adds the web application's context-params (and its {@code @EnableLoginRocket} values, once an
     * initializer has found them) to every config built from now on.
     */
    public void attach(ServletContext context) {
        this.servletContext = Objects.requireNonNull(context, "context");
    }

    /** Whether the context-params are among the sources yet. */
    public boolean servletContextKnown() {
        return servletContext != null;
    }

    /** Whether no servlet context or this one is attached. */
    public boolean acceptsServletContext(ServletContext context) {
        ServletContext known = servletContext;
        return known == null || known == context || known.equals(context);
    }

    /**
     * The config of a realm.
     *
     * @param realm the realm
     */
    public LoginRocketConfig config(RealmName realm) {
        ServletContext context = servletContext;
        LoginRocketConfig.Builder builder = context != null
                ? ServletConfigSources.forApplication(context)
                : LoginRocketConfig.builder()
                        .systemSources()
                        .discoveredSources(classLoader)
                        .source(ServletConfigSources.jndi());
        extraSources.forEach(builder::source);
        return realm.select(builder.build());
    }
}
