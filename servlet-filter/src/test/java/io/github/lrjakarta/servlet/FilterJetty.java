package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 with the filter in front of an echo servlet, driven by the JDK client with
 * redirects never followed. The servlet answers {@code /public/login-as-dana} by logging Dana in
 * through an application-side {@link LoginRocketClient} (to show the browser's agent reaching
 * LoginRocket), and everything else with what the request says about its user.
 */
final class FilterJetty implements AutoCloseable {

    static final String CONTEXT = "/ctx";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    final Server server;
    final ServletContextHandler context;
    final URI base;
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private FilterJetty(Server server, ServletContextHandler context, URI base) {
        this.server = server;
        this.context = context;
        this.base = base;
    }

    /** Jetty with a {@link LoginRocketFilter} configured by init-params. */
    static FilterJetty withInitParams(Map<String, String> initParams, LoginRocketClient appClient) throws Exception {
        return start(context -> {
            FilterHolder holder = new FilterHolder(new LoginRocketFilter());
            holder.setName("LoginRocket");
            holder.setInitParameters(initParams);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }, appClient);
    }

    /** Jetty with a filter registered by the caller. */
    static FilterJetty withFilter(Filter filter, LoginRocketClient appClient) throws Exception {
        return start(context -> context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)),
                appClient);
    }

    static FilterJetty start(Consumer<ServletContextHandler> setup, LoginRocketClient appClient) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(CONTEXT);
        setup.accept(context);
        context.addServlet(new ServletHolder(new EchoServlet(appClient)), "/");
        server.setHandler(context);
        server.start();
        return new FilterJetty(server, context, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(CONTEXT + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("User-Agent", BROWSER);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a browser navigation would send it. */
    HttpResponse<String> navigate(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(pathAndQuery).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A GET as a script calling an API would send it. */
    HttpResponse<String> api(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(pathAndQuery).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    static final class EchoServlet extends HttpServlet {
        private final transient LoginRocketClient appClient;

        EchoServlet(LoginRocketClient appClient) {
            this.appClient = appClient;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setContentType("text/plain;charset=utf-8");
            if (req.getRequestURI().endsWith("/public/login-as-dana")) {
                res.getWriter().print("login=" + appClient.login("dana@example.org", "correct-horse-battery").type());
                return;
            }
            Principal p = req.getUserPrincipal();
            LoginRocketSession s = (LoginRocketSession) req.getAttribute(LoginRocketFilter.SESSION_ATTRIBUTE);
            res.getWriter().print("user=" + (p == null ? "none" : p.getName())
                    + " remote=" + req.getRemoteUser()
                    + " auth=" + req.getAuthType()
                    + " admin=" + req.isUserInRole("admin")
                    + " read=" + req.isUserInRole("read")
                    + " any=" + req.isUserInRole("**")
                    + " email=" + (s == null ? "none" : s.user().email().orElse("?"))
                    + " principalSession=" + (p instanceof LoginRocketPrincipal lp && lp.session() == s)
                    + " query=" + req.getQueryString());
        }
    }
}
