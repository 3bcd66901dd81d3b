package io.github.lrjakarta.jcache.cluster;

import io.github.lrjakarta.servlet.LoginRocketFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One application node of the cluster test, in a JVM of its own: embedded Jetty 12 with the
 * {@link LoginRocketFilter} in front of a servlet that answers with the logged-in user. Every
 * {@code loginrocket.*} setting comes from system properties, the JCache store's included, as a
 * deployment's would from its environment.
 *
 * <p>Prints {@code READY <port>} once it serves, and exits when its standard input closes, so a
 * node never outlives the test that started it.
 */
public final class ClusterNode {

    private ClusterNode() {}

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new LoginRocketFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WhoAmI()), "/");
        server.setHandler(context);
        server.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the test holds our stdin open while it needs us
        }
        server.stop();
        System.exit(0);
    }

    /** Answers with the user the filter found, or {@code anonymous}. */
    static final class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Principal p = req.getUserPrincipal();
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print(p == null ? "anonymous" : p.getName());
        }
    }
}
