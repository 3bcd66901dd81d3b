package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.servlet.FilterChain;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For logs: the user id and LoginRocket's request id are attributes of the container's request,
 * with or without an MDC library in the application (Tomcat with JUL has none).
 */
class LoginRocketFilterLogContextTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = LoginRocketEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** The filter as a web application with ({@code true}) or without an MDC library on its class path initialises it. */
    private static LoginRocketFilter filter(boolean applicationHasMdc) throws Exception {
        LoginRocketFilter filter = LoginRocketFilter.builder()
                .config(LoginRocketConfig.builder().source(ConfigSources.of("test", 100, Map.of(
                        "loginrocket.url", emulator.url(),
                        "loginrocket.allow-insecure-loopback", "true",
                        "loginrocket.login-required", "/api/*",
                        "loginrocket.logout-path", "/logout"))).build())
                .clock(emulator.clock())
                .build();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (!applicationHasMdc) {
            thread.setContextClassLoader(new URLClassLoader(new URL[0], null));
        }
        try {
            filter.init(null);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return filter;
    }

    private static final FilterChain NOTHING = (req, res) -> {};

    @ParameterizedTest(name = "application has an MDC: {0}")
    @ValueSource(booleans = {true, false})
    void anAuthenticatedRequestCarriesTheUserId(boolean applicationHasMdc) throws Exception {
        LoginRocketFilter filter = filter(applicationHasMdc);
        try {
            FakeHttp.Request req = FakeHttp.request("GET", "http://127.0.0.1/api/me")
                    .header("Authorization", "Bearer " + emulator.issueToken("dana@example.org"));

            filter.doFilter(req, FakeHttp.response(), NOTHING);

            assertThat(req.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE)).isEqualTo(emulator.userId("dana@example.org"));
        } finally {
            filter.destroy();
        }
    }

    @ParameterizedTest(name = "application has an MDC: {0}")
    @ValueSource(booleans = {true, false})
    void aRequestThatCalledLoginRocketCarriesItsRequestId(boolean applicationHasMdc) throws Exception {
        LoginRocketFilter filter = filter(applicationHasMdc);
        try {
            String token = emulator.issueToken("dana@example.org");
            FakeHttp.Request logout = FakeHttp.request("POST", "http://127.0.0.1/logout")
                    .header("Authorization", "Bearer " + token);

            filter.doFilter(logout, FakeHttp.response(), NOTHING); // ends the session: DELETE /v2/session

            assertThat((String) logout.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).matches("rq_[A-Za-z0-9]+");
            assertThat(logout.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE)).isNull();
        } finally {
            filter.destroy();
        }
    }

    @ParameterizedTest(name = "application has an MDC: {0}")
    @ValueSource(booleans = {true, false})
    void anAnonymousRequestCarriesNeither(boolean applicationHasMdc) throws Exception {
        LoginRocketFilter filter = filter(applicationHasMdc);
        try {
            FakeHttp.Request req = FakeHttp.request("GET", "http://127.0.0.1/public/page");

            filter.doFilter(req, FakeHttp.response(), NOTHING);

            assertThat(req.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE)).isNull();
            assertThat(req.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isNull();
        } finally {
            filter.destroy();
        }
    }
}
