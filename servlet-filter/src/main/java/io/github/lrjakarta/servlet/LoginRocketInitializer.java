package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import io.github.lrjakarta.servlet.internal.ServerAuthModuleRegistration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the {@link LoginRocketFilter} when a class of the application carries {@link
 * EnableLoginRocket}: no {@code web.xml} needed. Found by the container through {@code
 * META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>The filter is mapped to {@link EnableLoginRocket#urlPatterns()} for {@code REQUEST}
 * dispatches, ahead of filters declared in {@code web.xml}, and configured from the annotation
 * plus the standard sources ({@link ServletConfigSources}). The configuration is checked here, so
 * a bad value fails the deployment with a message naming the key and its source. Registers nothing
 * when no class carries the annotation, or when {@code web.xml} already declares a {@link
 * LoginRocketFilter} (that declaration wins, and the annotation is reported as ignored).
 *
 * <p>It also checks the configuration of every {@link LoginRocketFilter} declared in {@code
 * web.xml} (context plus that filter's init-params), so that a bad or missing value fails the
 * deployment even on containers that initialise filters lazily, on the first request (WildFly).
 *
 * <p>With {@code loginrocket.jakarta-authentication=true} (a context-param) it registers a {@link
 * LoginRocketServerAuthModule} for the application with the container's Jakarta Authentication
 * ({@code AuthConfigFactory.registerServerAuthModule}, Tomcat 10.1 and 11).
 *
 * @since 0.1
 */
@HandlesTypes(EnableLoginRocket.class)
public final class LoginRocketInitializer implements ServletContainerInitializer {

    private static final Logger LOG = System.getLogger(LoginRocketInitializer.class.getName());

    /** Called by the container. */
    public LoginRocketInitializer() {}

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        List<Class<?>> annotated = new ArrayList<>();
        if (classes != null) {
            for (Class<?> c : classes) {
                // @HandlesTypes also reports subclasses and the like; only direct carriers count.
                if (c.isAnnotationPresent(EnableLoginRocket.class)) {
                    annotated.add(c);
                }
            }
        }
        if (annotated.size() > 1) {
            throw new ServletException("@EnableLoginRocket is on more than one class (" + annotated
                    + "); keep it on one class of the application");
        }
        List<FilterRegistration> declared = declaredFilters(context);
        for (FilterRegistration registration : declared) {
            check(ServletConfigSources.forContext(context).source(ServletConfigSources.initParams(registration)));
        }
        registerServerAuthModuleIfEnabled(context);
        if (annotated.isEmpty()) {
            return;
        }
        Class<?> owner = annotated.get(0);
        EnableLoginRocket annotation = owner.getAnnotation(EnableLoginRocket.class);
        if (!declared.isEmpty()) {
            LOG.log(Level.WARNING, "@EnableLoginRocket on {0} ignored: filter {1} is already declared"
                    + " (web.xml or another registration)", owner.getName(), declared.get(0).getName());
            return;
        }
        ConfigSource annotationSource;
        try {
            annotationSource = ServletConfigSources.annotation(context, classes).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new ServletException("LoginRocket configuration is invalid: " + e.getMessage(), e);
        }
        check(ServletConfigSources.forContext(context).source(annotationSource));
        LoginRocketFilter filter = LoginRocketFilter.builder().source(annotationSource).build();
        FilterRegistration.Dynamic registration = context.addFilter(annotation.filterName(), filter);
        if (registration == null) {
            throw new ServletException("@EnableLoginRocket on " + owner.getName() + ": a filter named '"
                    + annotation.filterName() + "' already exists; set filterName to another name");
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, annotation.urlPatterns());
        LOG.log(Level.INFO, "LoginRocket filter {0} registered from @EnableLoginRocket on {1} for {2}",
                annotation.filterName(), owner.getName(), List.of(annotation.urlPatterns()));
    }

    /**
     * With {@code loginrocket.jakarta-authentication=true}: the {@link LoginRocketServerAuthModule}
     * registered for this application, or a failed deployment saying why not.
     */
    private static void registerServerAuthModuleIfEnabled(ServletContext context) throws ServletException {
        LoginRocketConfig config = ServletConfigSources.forContext(context).build();
        boolean enabled;
        try {
            enabled = config.getBoolean(LoginRocketKeys.JAKARTA_AUTHENTICATION);
        } catch (LoginRocketConfigException | IllegalArgumentException e) {
            throw new ServletException("LoginRocket configuration is invalid: " + e.getMessage(), e);
        }
        if (!enabled) {
            return;
        }
        String key = config.key(LoginRocketKeys.JAKARTA_AUTHENTICATION);
        if (!ServerAuthModuleRegistration.isAvailable(context.getClassLoader())) {
            throw new ServletException(key + "=true, but this container offers no Jakarta Authentication"
                    + " (jakarta.security.auth.message); remove the key and map the LoginRocketFilter instead");
        }
        check(ServletConfigSources.forContext(context));
        try {
            ServerAuthModuleRegistration.register(config, context);
        } catch (LoginRocketConfigException | IllegalArgumentException | IllegalStateException e) {
            throw new ServletException(key + "=true, but the LoginRocket module could not be registered: "
                    + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "LoginRocket Jakarta Authentication module registered for {0}", context.getContextPath());
    }

    /** LoginRocket filters declared in {@code web.xml} (or registered by another initializer). */
    private static List<FilterRegistration> declaredFilters(ServletContext context) {
        List<FilterRegistration> declared = new ArrayList<>();
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (LoginRocketFilter.class.getName().equals(registration.getClassName())) {
                declared.add(registration);
            }
        }
        return declared;
    }

    /** Fails the deployment now, before any request, rather than at the filter's (possibly lazy) init. */
    private static void check(LoginRocketConfig.Builder config) throws ServletException {
        try {
            LoginRocketFilter.checkConfiguration(config.build());
        } catch (LoginRocketConfigException | IllegalArgumentException e) {
            throw new ServletException("LoginRocket configuration is invalid: " + e.getMessage(), e);
        }
    }
}
