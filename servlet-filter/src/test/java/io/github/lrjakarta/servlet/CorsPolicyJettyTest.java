package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy in a real servlet container: embedded Jetty 12 with a filter that sets {@code Vary:
 * Accept-Encoding} first (as compression filters do), a filter wrapping {@link CorsPolicy}, and a
 * servlet counting the requests that reach it; driven over HTTP by the JDK client.
 */
class CorsPolicyJettyTest {

    private static final String APP = "https://app.example.com";
    private static final AtomicInteger SERVLET_CALLS = new AtomicInteger();

    private static Server server;
    private static URI base;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        CorsPolicy policy = CorsPolicy.builder()
                .allowedOrigins(List.of(APP, "https://*.example.org"))
                .allowCredentials(true)
                .rejectDisallowed(true)
                .build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(
                new FilterHolder((Filter) (req, res, chain) -> {
                    ((HttpServletResponse) res).setHeader("Vary", "Accept-Encoding");
                    chain.doFilter(req, res);
                }),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new CorsFilter(policy)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                        SERVLET_CALLS.incrementAndGet();
                        res.setContentType("text/plain");
                        res.getWriter().write("hello");
                    }
                }),
                "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/items");
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void resetCounter() {
        SERVLET_CALLS.set(0);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder preflight(String origin, String method, String headers) {
        return HttpRequest.newBuilder(base)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers);
    }

    private static List<String> varyNames(HttpResponse<?> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::trim)
                .toList();
    }

    @Test
    void allowedPreflightIsAnsweredByTheFilterAndNeverReachesTheServlet() throws Exception {
        HttpResponse<String> response = send(preflight("https://a.example.org", "PUT", "content-type,authorization"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://a.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, HEAD, POST, PUT, PATCH, DELETE");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(varyNames(response))
                .containsExactly(
                        "Accept-Encoding", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
        assertThat(response.body()).isEmpty();
        assertThat(SERVLET_CALLS).hasValue(0);
    }

    @Test
    void refusedPreflightsGet403() throws Exception {
        HttpResponse<String> lookAlike = send(preflight("https://example.org.evil.net", "GET", "content-type"));
        HttpResponse<String> badHeader = send(preflight(APP, "GET", "x-not-allowed"));

        assertThat(lookAlike.statusCode()).isEqualTo(403);
        assertThat(lookAlike.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(badHeader.statusCode()).isEqualTo(403);
        assertThat(badHeader.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(SERVLET_CALLS).hasValue(0);
    }

    @Test
    void allowedActualRequestIsDecoratedWithVaryAppended() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base).header("Origin", APP));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Request-ID");
        assertThat(varyNames(response)).containsExactly("Accept-Encoding", "Origin");
        assertThat(SERVLET_CALLS).hasValue(1);
    }

    @Test
    void disallowedActualRequestIsRefusedButSameOriginAndNoOriginPass() throws Exception {
        HttpResponse<String> evil = send(HttpRequest.newBuilder(base)
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Origin", "https://evil.example.net"));
        HttpResponse<String> same = send(HttpRequest.newBuilder(base)
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Origin", "http://127.0.0.1:" + base.getPort()));
        HttpResponse<String> none = send(HttpRequest.newBuilder(base));

        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.headers().allValues("Vary")).containsExactly("Accept-Encoding", "Origin");
        assertThat(SERVLET_CALLS).hasValue(2);
    }

    /** The smallest filter a user could write around the policy. */
    private static final class CorsFilter implements Filter {
        private final CorsPolicy policy;

        CorsFilter(CorsPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            if (!policy.handle((HttpServletRequest) req, (HttpServletResponse) res)) {
                chain.doFilter(req, res);
            }
        }
    }
}
