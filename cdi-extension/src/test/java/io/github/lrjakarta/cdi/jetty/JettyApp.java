package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.servlet.LoginRocketFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.Listener;

/**
 * The test application in embedded Jetty 12 (ee10) on a free port, wired as web.xml would: context
 * /shop with the given context-params, Weld servlet's listener, Jersey on /api/*, optionally the
 * LoginRocket filter on /*. Weld and Jersey sit on the server class path (toolchain P3).
 */
final class JettyApp implements AutoCloseable {

    final Server server;
    final ServletContextHandler context;
    private final ServerConnector connector;

    private JettyApp(Map<String, String> contextParams, boolean withFilter) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler("/shop");
        contextParams.forEach(context::setInitParameter);
        context.addEventListener(new Listener());
        if (withFilter) {
            context.addFilter(new FilterHolder(LoginRocketFilter.class), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ResourceConfig application = new ResourceConfig(LoginResource.class, MeResource.class, AdminResource.class);
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/*");
        server.setHandler(context);
    }

    /** Builds and starts the application. */
    static JettyApp start(Map<String, String> contextParams, boolean withFilter) throws Exception {
        JettyApp app = new JettyApp(contextParams, withFilter);
        app.server.start();
        return app;
    }

    /** Builds the application without starting it. */
    static JettyApp create(Map<String, String> contextParams) {
        return new JettyApp(contextParams, false);
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop/api/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
