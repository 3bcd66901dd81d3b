package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.servlet.EnableLoginRocket;
import io.github.lrjakarta.servlet.ServletConfigSources;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.Set;

/**
 * Tells the CDI extension about the web application's servlet context, so that its context-params
 * and an {@link EnableLoginRocket} annotation configure the CDI beans too, and runs the
 * configuration checks CDI had to postpone until then (a {@code loginrocket.url} found in no other
 * source). A failed check fails the deployment with the config model's message.
 *
 * <p>Registered in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}: every
 * servlet container calls it for every web application, whatever {@code web.xml} says (WildFly
 * after CDI has booted; Tomcat before or after Weld servlet's own initializer).
 */
@HandlesTypes(EnableLoginRocket.class)
public final class WebAppInitializer implements ServletContainerInitializer {

    /** Called by the container. */
    public WebAppInitializer() {}

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            // Kept in the context for every config built from it; the filter's initializer may have done it already.
            ServletConfigSources.annotation(context, classes);
        } catch (IllegalArgumentException e) {
            throw new ServletException("LoginRocket configuration is invalid: " + e.getMessage(), e);
        }
        context.addListener(new Cleanup());
        try {
            WebApps.webAppStarted(context);
        } catch (LoginRocketConfigException e) {
            throw new ServletException("LoginRocket CDI configuration is invalid: " + e.getMessage(), e);
        }
    }

    /** Forgets a context whose CDI container never came (an application without CDI). */
    private static final class Cleanup implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            WebApps.webAppStopped(event.getServletContext());
        }
    }
}
