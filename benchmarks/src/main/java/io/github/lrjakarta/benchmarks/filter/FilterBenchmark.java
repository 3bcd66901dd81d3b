package io.github.lrjakarta.benchmarks.filter;

import io.github.lrjakarta.benchmarks.servlet.ServletFakes;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link LoginRocketFilter} costs per request, against a no-op filter on the same fakes in the
 * same run ({@code filter - noOpFilter} is the extra cost):
 *
 * <ul>
 *   <li>{@code untouched*}: a browser GET the filter has nothing to do with (no {@code Origin}, no
 *       credentials, a public path), with the headers a browser sends ({@code User-Agent}, {@code
 *       Accept-Language}, … which the filter binds for LoginRocket calls) and without them;
 *   <li>{@code authenticated*}: an API GET on a login-required path with {@code Authorization:
 *       Bearer} and a warm token cache (the principal, the wrapper and the request attribute are
 *       part of the cost).
 * </ul>
 *
 * <p>The filter is configured as an application would: login required on {@code /app/*, /api/*},
 * a logout path, an allowed CORS origin, keys from the testkit emulator's {@code /connect/jwks}
 * (fetched once at setup; nothing touches the network while measuring). {@link #check()} verifies
 * at setup that the untouched request passes unwrapped with the response untouched but for {@code
 * Vary: Origin} (added by the CORS policy to every response once an origin is allowed), and that
 * the authenticated one reaches the chain with the session. Every invocation starts from a response
 * without {@code Vary}, for both contenders.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBenchmark {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /** Records what reached it, so the work cannot be optimised away and the setup can check it. */
    static final class LastRequestChain implements FilterChain {
        ServletRequest last;

        @Override
        public void doFilter(ServletRequest request, jakarta.servlet.ServletResponse response) {
            last = request;
        }
    }

    private LoginRocketEmulator emulator;
    private LoginRocketFilter filter;
    private final Filter noOp = (req, res, chain) -> chain.doFilter(req, res);
    private final LastRequestChain chain = new LastRequestChain();
    private final ServletFakes.Response response = new ServletFakes.Response();

    private ServletFakes.Request untouched;
    private ServletFakes.Request untouchedBare;
    private ServletFakes.Request authenticated;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        emulator = LoginRocketEmulator.start();
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.of("benchmark", ConfigSource.FILTER_INIT_PARAMS, Map.of(
                        "loginrocket.url", emulator.url(),
                        "loginrocket.allow-insecure-loopback", "true",
                        "loginrocket.login-required", "/app/*, /api/*",
                        "loginrocket.logout-path", "/logout",
                        "loginrocket.cors.allowed-origins", "https://spa.example.com")))
                .build();
        filter = LoginRocketFilter.builder().config(config).build();
        filter.init(null);
        String token = emulator.issueToken("dana@example.org");
        untouched = new ServletFakes.Request("GET", "/public/page",
                "Host", "app.example.com",
                "User-Agent", BROWSER,
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language", "en-US,en;q=0.5",
                "Accept-Encoding", "gzip, deflate, br",
                "Connection", "keep-alive");
        untouchedBare = new ServletFakes.Request("GET", "/public/page", "Host", "app.example.com");
        authenticated = new ServletFakes.Request("GET", "/api/me",
                "Host", "app.example.com",
                "User-Agent", BROWSER,
                "Accept", "application/json",
                "Accept-Language", "en-US,en;q=0.5",
                "Authorization", "Bearer " + token);
        check();
    }

    private void check() throws Exception {
        filter.doFilter(untouched, response, chain);
        if (chain.last != untouched || !onlyVaryOrigin()) {
            throw new IllegalStateException("untouched request was wrapped or answered, or got no Vary: Origin");
        }
        response.clear();
        filter.doFilter(authenticated, response, chain);
        Object session = ((HttpServletRequest) chain.last).getAttribute(LoginRocketFilter.SESSION_ATTRIBUTE);
        if (!(session instanceof LoginRocketSession) || ((HttpServletRequest) chain.last).getUserPrincipal() == null
                || !onlyVaryOrigin()) {
            throw new IllegalStateException("authenticated request did not reach the chain with its session");
        }
        if (authenticated.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE) == null) {
            throw new IllegalStateException("authenticated request does not name its user for the access log");
        }
        authenticated.clear();
        response.clear();
    }

    /**
     * Whether the response is untouched but for the one header the filter may add on the measured
     * paths ({@code Vary: Origin}, which the CORS policy sets on every response once some origin is
     * allowed).
     */
    private boolean onlyVaryOrigin() {
        return response.getStatus() == 200 && response.getContentType() == null && response.headerCount() == 1
                && "Origin".equals(response.header("Vary"));
    }

    /** The browser request the filter has nothing to do with (for {@link FilterRatioRun}). */
    ServletFakes.Request untouchedRequest() {
        return untouched;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        filter.destroy();
        emulator.close();
    }

    @Benchmark
    public Object untouched_noOpFilter() throws Exception {
        response.clear();
        noOp.doFilter(untouched, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object untouched_loginRocketFilter() throws Exception {
        response.clear();
        filter.doFilter(untouched, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object untouchedBare_noOpFilter() throws Exception {
        response.clear();
        noOp.doFilter(untouchedBare, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object untouchedBare_loginRocketFilter() throws Exception {
        response.clear();
        filter.doFilter(untouchedBare, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object authenticated_noOpFilter() throws Exception {
        authenticated.clear();
        response.clear();
        noOp.doFilter(authenticated, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object authenticated_loginRocketFilter() throws Exception {
        authenticated.clear();
        response.clear();
        filter.doFilter(authenticated, response, chain);
        return chain.last;
    }
}
