package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.cdi.internal.WebAppInitializer;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;
import org.jboss.weld.environment.servlet.Listener;

/**
 * The test application in embedded Jetty 12 (ee10) on a free port, wired as a WAR would be: context
 * /shop with context-params, Weld servlet's listener (or its initializer), Jersey on /api/*, optionally the LoginRocket
 * filter on /*, optionally this library's ServletContainerInitializer (which a WAR deployment
 * finds through META-INF/services; an embedded ServletContextHandler does not look). Weld and
 * Jersey sit on the server class path (embedded Jetty takes the EE APIs and their implementations from it).
 */
final class JettyApp implements AutoCloseable {

    final Server server;
    final ServletContextHandler context;
    private final ServerConnector connector;

    private JettyApp(Builder b) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler("/shop");
        b.contextParams.forEach(context::setInitParameter);
        if (b.weldInitializer) {
            // Weld servlet as a WAR gets it: its initializer boots Weld, ahead of ours.
            context.addServletContainerInitializer(new EnhancedListener());
        }
        if (b.initializerClasses != null) {
            context.addServletContainerInitializer(new WebAppInitializer(), b.initializerClasses);
        }
        if (!b.weldInitializer) {
            context.addEventListener(new Listener());
        }
        if (b.filter) {
            FilterHolder filter = new FilterHolder(LoginRocketFilter.class);
            filter.setInitParameters(b.filterInitParams);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ResourceConfig application = new ResourceConfig(
                LoginResource.class, MeResource.class, AdminResource.class, GuardedResource.class);
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/*");
        server.setHandler(context);
    }

    static Builder builder() {
        return new Builder();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop/api/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    static final class Builder {
        private final Map<String, String> contextParams = new HashMap<>();
        private final Map<String, String> filterInitParams = new HashMap<>();
        private boolean filter;
        private Class<?>[] initializerClasses;
        private boolean weldInitializer;

        Builder contextParam(String name, String value) {
            contextParams.put(name, value);
            return this;
        }

        Builder filter() {
            filter = true;
            return this;
        }

        /** The filter, with an init-param ({@code <init-param>} of its web.xml declaration). */
        Builder filterInitParam(String name, String value) {
            filter = true;
            filterInitParams.put(name, value);
            return this;
        }

        /** Runs the library's ServletContainerInitializer, handing it these classes as @HandlesTypes matches. */
        Builder initializer(Class<?>... handlesTypesMatches) {
            initializerClasses = handlesTypesMatches;
            return this;
        }

        /** Boots Weld from its ServletContainerInitializer (before ours) instead of its listener. */
        Builder weldInitializer() {
            weldInitializer = true;
            return this;
        }

        JettyApp build() {
            return new JettyApp(this);
        }

        JettyApp start() throws Exception {
            JettyApp app = build();
            app.server.start();
            return app;
        }
    }
}
