package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.Faults;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LoginRocket slow, down, rate limiting or answering garbage: protected paths fail closed (401 or
 * login redirect), public paths keep working, nothing turns into a 500 or a hang.
 */
class LoginRocketFilterFailureJettyTest {

    static LoginRocketEmulator emulator;
    static FilterJetty jetty;

    static Map<String, String> params(LoginRocketEmulator emulator) {
        Map<String, String> p = new HashMap<>();
        p.put("loginrocket.url", emulator.url());
        p.put("loginrocket.allow-insecure-loopback", "true");
        p.put("loginrocket.login-required", "/app/*, /api/*");
        p.put("loginrocket.logout-path", "/logout");
        p.put("loginrocket.response-timeout", "1s");
        p.put("loginrocket.connect-timeout", "1s");
        p.put("loginrocket.max-attempts", "1");
        p.put("loginrocket.jwt.key-fetch-timeout", "1s");
        return p;
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = LoginRocketEmulator.start();
        jetty = FilterJetty.withInitParams(params(emulator), null);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("slow", Fault.delay(Duration.ofSeconds(6))),
                Arguments.of("500", Fault.status(500)),
                Arguments.of("503", Fault.status(503)),
                Arguments.of("429", Fault.rateLimited(Duration.ofSeconds(30))),
                Arguments.of("garbage", Fault.malformedBody()),
                Arguments.of("truncated", Fault.truncatedBody()),
                Arguments.of("dropped", Fault.dropConnection()),
                Arguments.of("html", Fault.response(200, "text/html", "<html>maintenance</html>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aSessionIdThatCannotBeCheckedGivesNoCookieButAStrippedRedirectAndThenALoginRedirect(String name, Fault fault)
            throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.faults().inject("/v2/session", fault);

        long started = System.nanoTime();
        HttpResponse<String> res = jetty.navigate("/app/page?session=" + login.sessionId());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/app/page");
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
        // response-timeout 1s, one attempt: the filter gives up long before LoginRocket would answer.
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        HttpResponse<String> next = jetty.navigate("/app/page");
        assertThat(next.statusCode()).isEqualTo(302);
        HttpResponse<String> api = jetty.api("/api/items");
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void publicPathsKeepWorkingWhileLoginRocketMisbehaves(String name, Fault fault) throws Exception {
        // A cookie token that expired an hour ago: the filter must ask LoginRocket for a fresh one.
        jetty.api("/api/me", "Authorization", "Bearer " + emulator.issueToken("sam@example.org")); // keys fetched
        emulator.clock().advance(Duration.ofHours(-2));
        String expired;
        try {
            expired = emulator.issueToken("dana@example.org");
        } finally {
            emulator.clock().resetOffset();
        }
        emulator.clearRequests();
        emulator.faults().inject(Faults.ALL_PATHS, fault);

        HttpResponse<String> res = jetty.navigate("/public/page", "Cookie", "loginrocket_token=" + expired);

        assertThat(emulator.requestCount("/v2/session")).as("LoginRocket was asked").isPositive();
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("user=none");
    }

    @Test
    void logoutStillClearsTheCookieWhenLoginRocketIsDown() throws Exception {
        String token = emulator.issueToken("sam@example.org");
        jetty.api("/api/me", "Authorization", "Bearer " + token); // keys fetched while LoginRocket is up
        emulator.faults().inject(Faults.ALL_PATHS, Fault.status(500));

        HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + token);

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void withoutItsKeysTheFilterFailsClosedOnProtectedPathsAndOpenOnPublicOnes(String name, Fault fault)
            throws Exception {
        // A fresh filter has no keys yet: every token needs /connect/jwks.
        try (FilterJetty fresh = FilterJetty.withInitParams(params(emulator), null)) {
            String token = emulator.issueToken("dana@example.org");
            emulator.faults().inject("/connect/jwks", fault);

            HttpResponse<String> api = fresh.api("/api/items", "Authorization", "Bearer " + token);
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("Login required.");

            HttpResponse<String> page = fresh.navigate("/public/page", "Cookie", "loginrocket_token=" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("user=none");

            emulator.faults().clear();
            HttpResponse<String> recovered = fresh.api("/api/items", "Authorization", "Bearer " + token);
            // The verifier may still be inside its refetch throttle; either way, never a 500.
            assertThat(recovered.statusCode()).isIn(200, 401);
        }
    }
}
