package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.testing.TestClock;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.Faults;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LoginRocket slow, down, rate limiting or answering garbage: protected paths fail closed (401 or
 * login redirect), public paths keep working, nothing turns into a 500 or a hang.
 */
@ExtendWith(LoginRocketEmulatorExtension.class)
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
        p.put("loginrocket.session-intake", "true");
        p.put("loginrocket.login-landing-paths", "/landing");
        return p;
    }

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    /**
     * A new filter (and so a new client) per case: after a 429 case a shared client would refuse
     * the next cases' calls locally (its rate-limit back-off), and they could not show theirs.
     */
    @BeforeEach
    void startFilter() throws Exception {
        jetty = FilterJetty.withInitParams(params(emulator), null);
    }

    @AfterEach
    void stopFilter() throws Exception {
        emulator.faults().clear();
        jetty.close();
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
    void aSessionIdThatCannotBeCheckedGivesNoCookieButAStrippedRedirect(String name, Fault fault) throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.faults().inject("/v2/session", fault);

        HttpResponse<String> res = jetty.navigate("/landing?session=" + login.sessionId());

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/landing");
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
        assertThat(emulator.requestCount("/v2/session")).as("LoginRocket was asked").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void anExpiredCookieThatCannotBeRefreshedFailsClosedOnProtectedPathsAndIsKept(String name, Fault fault)
            throws Exception {
        jetty.api("/api/me", "Authorization", "Bearer " + emulator.issueToken("sam@example.org")); // keys fetched
        String expiredPage = expiredToken("dana@example.org");
        String expiredApi = expiredToken("sam@example.org");
        emulator.clearRequests();
        emulator.faults().inject("/v2/session", fault);

        HttpResponse<String> page = jetty.navigate("/app/page", "Cookie", "loginrocket_token=" + expiredPage);
        HttpResponse<String> api = jetty.api("/api/items", "Cookie", "loginrocket_token=" + expiredApi);

        // after a 429 the client backs off: the second refresh is refused locally, without a call
        assertThat(emulator.requestCount("/v2/session")).as("LoginRocket was asked for each, until it said 429")
                .isEqualTo(name.equals("429") ? 1 : 2);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(api.statusCode()).isEqualTo(401);
        // A temporary failure is no proof the session is over: the cookie stays for a later refresh.
        assertThat(page.headers().allValues("set-cookie")).noneSatisfy(c -> assertThat(c).startsWith("loginrocket_token="));
        assertThat(api.headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void aRefreshLoginRocketRefusesClearsTheCookie() throws Exception {
        String expired = expiredToken("dana@example.org");
        emulator.faults().inject("/v2/session", Fault.status(403));

        HttpResponse<String> res = jetty.api("/api/items", "Cookie", "loginrocket_token=" + expired);

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().allValues("set-cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("loginrocket_token=;").contains("Max-Age=0"));
    }

    @Test
    void aRequestThreadMakesOneAttemptWhateverTheClientsRetryPolicy() throws Exception {
        Map<String, String> p = params(emulator);
        p.put("loginrocket.max-attempts", "3");
        try (FilterJetty retrying = FilterJetty.withInitParams(p, null)) {
            IssuedLogin login = emulator.issueLogin("dana@example.org", null);
            emulator.clearRequests();
            emulator.faults().inject("/v2/session", Fault.status(503));

            HttpResponse<String> res = retrying.navigate("/landing?session=" + login.sessionId());

            assertThat(res.statusCode()).isEqualTo(303);
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
        }
    }

    @Test
    void anAnonymousFloodOfSessionIdsSpendsNoMoreThanTheBudget() throws Exception {
        Map<String, String> p = params(emulator);
        p.put("loginrocket.anonymous-call-rate", "3");
        TestClock clock = new TestClock(emulator.clock().instant());
        LoginRocketFilter filter = LoginRocketFilter.builder().clock(clock)
                .source(io.github.lrjakarta.core.config.ConfigSources.of("test", 500, p)).build();
        try (FilterJetty budgeted = FilterJetty.withFilter(filter, null)) {
            emulator.clearRequests();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> res = budgeted.navigate("/landing?session=kss_random" + i);
                assertThat(res.statusCode()).isEqualTo(303);
            }
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(3);

            // A logged-in user's own requests are not anonymous input and do not depend on the budget.
            String token = emulator.issueToken("dana@example.org");
            assertThat(budgeted.api("/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            budgeted.navigate("/landing?session=kss_later");
            assertThat(emulator.requestCount("/v2/session")).isEqualTo(4);
        }
    }

    private static String expiredToken(String user) {
        emulator.clock().advance(Duration.ofHours(-2));
        try {
            return emulator.issueToken(user);
        } finally {
            emulator.clock().resetOffset();
        }
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

        HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + token,
                "Sec-Fetch-Site", "same-origin");

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
            // After a failed fetch the verifier pauses refetching for at most 1 s, on a monotonic ticker
            // that no injected clock moves: poll until the keys are back, then the token is accepted.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            HttpResponse<String> recovered = fresh.api("/api/items", "Authorization", "Bearer " + token);
            while (recovered.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                recovered = fresh.api("/api/items", "Authorization", "Bearer " + token);
            }
            assertThat(recovered.statusCode()).isEqualTo(200);
            assertThat(emulator.requestCount("/connect/jwks")).as("the keys were fetched again").isGreaterThanOrEqualTo(2);
        }
    }
}
