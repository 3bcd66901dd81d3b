package io.github.lrjakarta.benchmarks.cors;

import io.github.lrjakarta.benchmarks.servlet.ServletFakes;
import io.github.lrjakarta.servlet.CorsPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.filters.CorsFilter;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of answering a CORS preflight and of decorating an actual CORS request: {@link CorsPolicy}
 * against Apache Tomcat's {@link CorsFilter} and Jetty 12's {@link CrossOriginHandler}, configured
 * with the same rules, in the same run.
 *
 * <p>Each contender is measured with the same fakes as its own baseline ({@code *_baseline*}: the
 * request goes straight to a no-op servlet / handler), so {@code contender - baseline} is the extra
 * cost per request. The servlet contenders share {@link ServletFakes}; Jetty's handler works on
 * Jetty's core API and gets {@link JettyFakes} built on Jetty's own {@code HttpFields}. Every
 * invocation starts from an empty response. {@link #check()} verifies at setup that every
 * contender really answers the preflight and decorates the actual request, so no one is timed on
 * a short-cut.
 *
 * <p>Rules: one allowed origin {@code https://app.example.com} (the case most favourable to
 * Jetty's list of regular expressions), methods {@code GET, HEAD, POST, PUT, PATCH, DELETE},
 * headers {@code Content-Type, Accept, Accept-Language, Authorization, LR-Agent}, exposed {@code
 * X-Request-ID}, no credentials, max age 600 s. Preflight: {@code OPTIONS}, asking for {@code PUT}
 * with {@code authorization,content-type} (lower case, sorted, no spaces, as browsers send it).
 * Actual request: {@code GET} with {@code Origin}. Differences in work done: Jetty does not check
 * the requested method or headers of a preflight (it always answers with its lists); Tomcat and
 * {@code CorsPolicy} do. Tomcat also records four request attributes (its default {@code
 * cors.request.decorate=true}). {@code CorsPolicy} remembers the last header list it allowed;
 * {@link #preflight_corsPolicyHeadersMemoMiss()} shows the cost without that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CorsBenchmark {

    static final String ORIGIN = "https://app.example.com";
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> HEADERS = List.of("Content-Type", "Accept", "Accept-Language", "Authorization", "LR-Agent");

    private static final FilterChain NO_OP_CHAIN = (req, res) -> {};

    private CorsPolicy policy;
    private CorsPolicy wildcardPolicy;
    private CorsFilter tomcat;
    private CrossOriginHandler jetty;
    private Handler jettyNoOp;

    private ServletFakes.Request preflight;
    private ServletFakes.Request[] preflightsAlternating;
    private int alternate;
    private ServletFakes.Request actual;
    private ServletFakes.Request noOrigin;
    private ServletFakes.Response response;

    private JettyFakes.Request jettyPreflight;
    private JettyFakes.Request jettyActual;
    private JettyFakes.Response jettyPreflightResponse;
    private JettyFakes.Response jettyActualResponse;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        policy = CorsPolicy.builder()
                .allowedOrigins(List.of(ORIGIN))
                .allowedMethods(METHODS)
                .allowedHeaders(HEADERS)
                .exposedHeaders(List.of("X-Request-ID"))
                .maxAge(Duration.ofSeconds(600))
                .build();

        // Same rules, but the origin is allowed through https://*.example.com: parse plus suffix match.
        wildcardPolicy = CorsPolicy.builder()
                .allowedOrigins(List.of("https://*.example.com"))
                .allowedMethods(METHODS)
                .allowedHeaders(HEADERS)
                .exposedHeaders(List.of("X-Request-ID"))
                .maxAge(Duration.ofSeconds(600))
                .build();

        tomcat = new CorsFilter();
        tomcat.init(filterConfig(Map.of(
                "cors.allowed.origins", ORIGIN,
                "cors.allowed.methods", String.join(",", METHODS),
                "cors.allowed.headers", String.join(",", HEADERS),
                "cors.exposed.headers", "X-Request-ID",
                "cors.support.credentials", "false",
                "cors.preflight.maxage", "600")));

        jettyNoOp = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                callback.succeeded();
                return true;
            }
        };
        jetty = new CrossOriginHandler();
        jetty.setAllowedOriginPatterns(Set.of("https://app\\.example\\.com"));
        jetty.setAllowedMethods(Set.copyOf(METHODS));
        jetty.setAllowedHeaders(Set.copyOf(HEADERS));
        jetty.setExposedHeaders(Set.of("X-Request-ID"));
        jetty.setPreflightMaxAge(Duration.ofSeconds(600));
        jetty.setAllowCredentials(false);
        jetty.setHandler(jettyNoOp);
        jetty.setServer(new Server());
        jetty.start();

        String[] preflightHeaders = {
            "Host", "api.example.com",
            "Origin", ORIGIN,
            "Access-Control-Request-Method", "PUT",
            // as browsers send it: lower case, sorted, no spaces (Fetch standard)
            "Access-Control-Request-Headers", "authorization,content-type",
            "Accept", "*/*",
            "User-Agent", "Mozilla/5.0"
        };
        String[] actualHeaders = {
            "Host", "api.example.com",
            "Origin", ORIGIN,
            "Accept", "application/json",
            "Authorization", "Bearer x",
            "User-Agent", "Mozilla/5.0"
        };
        preflight = new ServletFakes.Request("OPTIONS", "/items", preflightHeaders);
        String[] reordered = preflightHeaders.clone();
        reordered[7] = "accept-language,content-type";
        preflightsAlternating = new ServletFakes.Request[] {preflight, new ServletFakes.Request("OPTIONS", "/items", reordered)};
        actual = new ServletFakes.Request("GET", "/items", actualHeaders);
        noOrigin = new ServletFakes.Request("GET", "/items", "Host", "api.example.com", "Accept", "text/html", "User-Agent", "Mozilla/5.0");
        response = new ServletFakes.Response();
        jettyPreflight = new JettyFakes.Request("OPTIONS", preflightHeaders);
        jettyActual = new JettyFakes.Request("GET", actualHeaders);
        jettyPreflightResponse = new JettyFakes.Response(jettyPreflight);
        jettyActualResponse = new JettyFakes.Response(jettyActual);

        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        jetty.stop();
    }

    /** Fails the run unless every contender answers the preflight and decorates the actual request. */
    private void check() throws Exception {
        preflight_corsPolicy();
        require(response.getStatus() == 204 && ORIGIN.equals(response.header("Access-Control-Allow-Origin")), "CorsPolicy preflight");
        preflight_corsPolicyHeadersMemoMiss();
        preflight_corsPolicyHeadersMemoMiss();
        require(response.getStatus() == 204, "CorsPolicy preflight, memo miss");
        preflight_tomcatCorsFilter();
        require(ORIGIN.equals(response.header("Access-Control-Allow-Origin"))
                && response.header("Access-Control-Allow-Methods") != null, "Tomcat preflight");
        preflight_jettyCrossOriginHandler();
        require(ORIGIN.equals(jettyPreflightResponse.getHeaders().get("Access-Control-Allow-Origin"))
                && jettyPreflightResponse.getHeaders().get("Access-Control-Allow-Methods") != null, "Jetty preflight");
        actual_corsPolicy();
        require(ORIGIN.equals(response.header("Access-Control-Allow-Origin"))
                && "X-Request-ID".equals(response.header("Access-Control-Expose-Headers")), "CorsPolicy actual");
        actual_corsPolicyWildcardOrigin();
        require(ORIGIN.equals(response.header("Access-Control-Allow-Origin")), "CorsPolicy wildcard actual");
        actual_tomcatCorsFilter();
        require(ORIGIN.equals(response.header("Access-Control-Allow-Origin"))
                && "X-Request-ID".equals(response.header("Access-Control-Expose-Headers")), "Tomcat actual");
        actual_jettyCrossOriginHandler();
        require(ORIGIN.equals(jettyActualResponse.getHeaders().get("Access-Control-Allow-Origin"))
                && "X-Request-ID".equals(jettyActualResponse.getHeaders().get("Access-Control-Expose-Headers")), "Jetty actual");
        noOrigin_corsPolicy();
        // Some origin is allowed, so even an answer to a request without Origin varies by Origin (shared caches).
        require("Origin".equals(response.header("Vary")) && response.header("Access-Control-Allow-Origin") == null,
                "CorsPolicy without Origin");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not produce the expected CORS headers");
        }
    }

    private static FilterConfig filterConfig(Map<String, String> params) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "CorsFilter";
            }

            @Override
            public ServletContext getServletContext() {
                throw new UnsupportedOperationException("getServletContext");
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    // ---- preflight ----

    @Benchmark
    public int preflight_baselineServlet() throws Exception {
        preflight.clear();
        response.clear();
        NO_OP_CHAIN.doFilter(preflight, response);
        return response.digest();
    }

    @Benchmark
    public int preflight_corsPolicy() throws Exception {
        preflight.clear();
        response.clear();
        if (!policy.handle(preflight, response)) {
            NO_OP_CHAIN.doFilter(preflight, response);
        }
        return response.digest();
    }

    /**
     * {@code CorsPolicy} remembers the last {@code Access-Control-Request-Headers} it allowed; here
     * two different lists alternate, so every preflight misses that memo and parses the list.
     */
    @Benchmark
    public int preflight_corsPolicyHeadersMemoMiss() throws Exception {
        ServletFakes.Request req = preflightsAlternating[alternate ^= 1];
        req.clear();
        response.clear();
        if (!policy.handle(req, response)) {
            NO_OP_CHAIN.doFilter(req, response);
        }
        return response.digest();
    }

    @Benchmark
    public int preflight_tomcatCorsFilter() throws Exception {
        preflight.clear();
        response.clear();
        tomcat.doFilter(preflight, response, NO_OP_CHAIN);
        return response.digest();
    }

    /**
     * Only the servlet calls {@code CorsPolicy} makes for this preflight, with no decision logic:
     * the floor any servlet-API implementation pays on these fakes. {@code corsPolicy - floor} is
     * the cost of the policy's own matching.
     */
    @Benchmark
    public int preflight_servletApiFloor() throws Exception {
        preflight.clear();
        response.clear();
        String origin = preflight.getHeader("Origin");
        if (origin != null && "OPTIONS".equals(preflight.getMethod())) {
            String method = preflight.getHeader("Access-Control-Request-Method");
            if (!response.containsHeader("Vary")) {
                response.addHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            }
            String headers = preflight.getHeader("Access-Control-Request-Headers");
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", method == null ? "" : "GET, HEAD, POST, PUT, PATCH, DELETE");
            response.setHeader("Access-Control-Allow-Headers", headers == null ? "" : "Content-Type, Accept, Accept-Language, Authorization, LR-Agent");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
        }
        return response.digest();
    }

    @Benchmark
    public int preflight_baselineJetty() throws Exception {
        jettyPreflightResponse.clear();
        jettyNoOp.handle(jettyPreflight, jettyPreflightResponse, Callback.NOOP);
        return jettyPreflightResponse.digest();
    }

    @Benchmark
    public int preflight_jettyCrossOriginHandler() throws Exception {
        jettyPreflightResponse.clear();
        jetty.handle(jettyPreflight, jettyPreflightResponse, Callback.NOOP);
        return jettyPreflightResponse.digest();
    }

    // ---- actual request ----

    @Benchmark
    public int actual_baselineServlet() throws Exception {
        actual.clear();
        response.clear();
        NO_OP_CHAIN.doFilter(actual, response);
        return response.digest();
    }

    @Benchmark
    public int actual_corsPolicy() throws Exception {
        actual.clear();
        response.clear();
        if (!policy.handle(actual, response)) {
            NO_OP_CHAIN.doFilter(actual, response);
        }
        return response.digest();
    }

    /** Not a peer comparison (Tomcat has no wildcard subdomains): what a wildcard entry costs. */
    @Benchmark
    public int actual_corsPolicyWildcardOrigin() throws Exception {
        actual.clear();
        response.clear();
        if (!wildcardPolicy.handle(actual, response)) {
            NO_OP_CHAIN.doFilter(actual, response);
        }
        return response.digest();
    }

    @Benchmark
    public int actual_tomcatCorsFilter() throws Exception {
        actual.clear();
        response.clear();
        tomcat.doFilter(actual, response, NO_OP_CHAIN);
        return response.digest();
    }

    /** Only the servlet calls {@code CorsPolicy} makes for this request; see {@link #preflight_servletApiFloor()}. */
    @Benchmark
    public int actual_servletApiFloor() throws Exception {
        actual.clear();
        response.clear();
        String origin = actual.getHeader("Origin");
        if (origin != null && !"OPTIONS".equals(actual.getMethod())) {
            if (!response.containsHeader("Vary")) {
                response.addHeader("Vary", "Origin");
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "X-Request-ID");
        }
        NO_OP_CHAIN.doFilter(actual, response);
        return response.digest();
    }

    @Benchmark
    public int actual_baselineJetty() throws Exception {
        jettyActualResponse.clear();
        jettyNoOp.handle(jettyActual, jettyActualResponse, Callback.NOOP);
        return jettyActualResponse.digest();
    }

    @Benchmark
    public int actual_jettyCrossOriginHandler() throws Exception {
        jettyActualResponse.clear();
        jetty.handle(jettyActual, jettyActualResponse, Callback.NOOP);
        return jettyActualResponse.digest();
    }

    // ---- no Origin: what every same-origin page load pays ----

    @Benchmark
    public int noOrigin_baselineServlet() throws Exception {
        noOrigin.clear();
        response.clear();
        NO_OP_CHAIN.doFilter(noOrigin, response);
        return response.digest();
    }

    /** The one {@code getHeader("Origin")} the servlet API forces on every request, nothing else. */
    @Benchmark
    public int noOrigin_headerLookupOnly() throws Exception {
        noOrigin.clear();
        response.clear();
        if (noOrigin.getHeader("Origin") == null) {
            NO_OP_CHAIN.doFilter(noOrigin, response);
        }
        return response.digest();
    }

    @Benchmark
    public int noOrigin_corsPolicy() throws Exception {
        noOrigin.clear();
        response.clear();
        if (!policy.handle(noOrigin, response)) {
            NO_OP_CHAIN.doFilter(noOrigin, response);
        }
        return response.digest();
    }
}
