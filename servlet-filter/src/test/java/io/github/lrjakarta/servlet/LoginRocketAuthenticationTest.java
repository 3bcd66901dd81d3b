package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.servlet.LoginRocketAuthentication.Outcome;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pipeline as the container mechanisms call it: an outcome per request. */
@ExtendWith(LoginRocketEmulatorExtension.class)
class LoginRocketAuthenticationTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    static LoginRocketAuthentication pipeline(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.login-required", "/app/*",
                "loginrocket.logout-path", "/logout",
                "loginrocket.max-attempts", "1"));
        keys.putAll(extra);
        return LoginRocketAuthentication.builder()
                .config(LoginRocketConfig.builder().source(ConfigSources.of("test", 100, keys)).build())
                .clock(emulator.clock())
                .build();
    }

    @Test
    void anAuthenticatedOutcomeNamesTheUserAndTheSelectedOrgsPermissions() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            String token = emulator.issueToken("dana@example.org");

            FakeHttp.Request req = FakeHttp.request("GET", "http://127.0.0.1/app/x").header("Authorization", "Bearer " + token);

            Outcome outcome = auth.authenticate(req, FakeHttp.response(), true);

            assertThat(outcome.status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            assertThat(outcome.callerName()).isEqualTo(emulator.userId("dana@example.org"));
            assertThat(outcome.groups()).containsExactly("admin");
            assertThat(outcome.requestToPassOn(req).getUserPrincipal().getName()).isEqualTo(outcome.callerName());
            assertThat(outcome.requestToPassOn(req).isUserInRole("admin")).isTrue();
        }
    }

    /** A client given with a tracing hook (an {@code httpClientCustomizer}) covers the key-set fetch too. */
    @Test
    void theKeySetIsFetchedThroughAGivenClientAndItsCustomizer() throws Exception {
        Map<String, String> keys = Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.login-required", "/app/*");
        LoginRocketConfig config = LoginRocketConfig.builder().source(ConfigSources.of("test", 100, keys)).build();
        try (LoginRocketClient client = LoginRocketFactory.of(config).clientBuilder()
                        .httpClientCustomizer(b -> b.addRequestInterceptorFirst(
                                (request, entity, context) -> request.setHeader("traceparent", "00-hooked-01")))
                        .build();
                LoginRocketAuthentication auth = LoginRocketAuthentication.builder()
                        .config(config).client(client).clock(emulator.clock()).build()) {
            String token = emulator.issueToken("dana@example.org");
            emulator.clearRequests();

            Outcome outcome = auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/app/x")
                    .header("Authorization", "Bearer " + token), FakeHttp.response(), true);

            assertThat(outcome.status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/connect/jwks")).singleElement()
                    .satisfies(r -> assertThat(r.header("traceparent")).contains("00-hooked-01"));
        }
    }

    /** A caller that binds nothing (not the filter, not the mechanisms) still never makes a request thread wait. */
    @Test
    void theCallsOfThePipelineMakeOneAttemptEvenWhenTheCallerBoundNothing() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of("loginrocket.max-attempts", "3"))) {
            String token = emulator.issueToken("dana@example.org");
            emulator.clearRequests();
            emulator.faults().inject("/v2/session", Fault.status(503));
            try {
                FakeHttp.Request logout = FakeHttp.request("POST", "http://127.0.0.1/logout")
                        .header("Authorization", "Bearer " + token);

                Outcome outcome = auth.authenticate(logout, FakeHttp.response(), false);

                assertThat(outcome.status()).isEqualTo(Outcome.Status.RESPONDED);
                assertThat(emulator.requestCount("/v2/session")).as("DELETE /v2/session, retryable by the client's policy")
                        .isEqualTo(1);
            } finally {
                emulator.faults().clear();
            }
        }
    }

    @Test
    void withoutASessionTheCallerDecidesWhetherItIsMandatory() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            FakeHttp.Response anonymous = FakeHttp.response();
            FakeHttp.Request req = FakeHttp.request("GET", "http://127.0.0.1/app/x");
            Outcome open = auth.authenticate(req, anonymous, false);
            assertThat(open.status()).isEqualTo(Outcome.Status.ANONYMOUS);
            assertThat(open.requestToPassOn(req)).isSameAs(req);
            assertThat(open.callerName()).isNull();
            assertThat(open.groups()).isEmpty();
            assertThat(anonymous.getStatus()).isEqualTo(200);

            FakeHttp.Response refused = FakeHttp.response();
            Outcome closed = auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/public/x"), refused, true);
            assertThat(closed.status()).isEqualTo(Outcome.Status.RESPONDED);
            assertThat(refused.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void theLoginRedirectUsesTheConfiguredPublicUrlAndASecureStateCookie() throws Exception {
        try (LoginRocketAuthentication auth = LoginRocketAuthentication.builder()
                .config(LoginRocketConfig.builder().source(ConfigSources.of("test", 100, Map.of(
                        "loginrocket.url", "https://sample.e2.loginrocket.com",
                        "loginrocket.login-required", "/app/*",
                        "loginrocket.public-url", "https://shop.example.com/store/"))).build())
                .build()) {
            // Behind a TLS-terminating proxy the container sees plain http to an internal address.
            FakeHttp.Request req = FakeHttp.request("GET", "http://10.0.0.5:8080/app/page?q=1").header("Accept", "text/html");
            FakeHttp.Response res = FakeHttp.response();

            assertThat(auth.authenticate(req, res, true).status()).isEqualTo(Outcome.Status.RESPONDED);

            assertThat(res.getStatus()).isEqualTo(302);
            String location = URLDecoder.decode(res.getHeader("Location"), StandardCharsets.UTF_8);
            assertThat(location).startsWith("https://sample.e2.loginrocket.com/login?redirect_uri="
                    + "https://shop.example.com/store/app/page?q=1&lr_state=");
            assertThat(res.headerValues("Set-Cookie")).singleElement().asString()
                    .startsWith("__Host-loginrocket_state=")
                    .endsWith("; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure");
        }
    }

    @Test
    void noTokenOrSessionIdReachesALogLine() throws Exception {
        List<String> lines = new ArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(formatter.format(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("io.github.lrjakarta");
        java.util.logging.Level before = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        IssuedLogin other = emulator.issueLogin("sam@example.org", null);
        String forged = login.token().substring(0, login.token().lastIndexOf('.') + 1) + "AAAA";
        try (LoginRocketAuthentication auth = pipeline(Map.of(
                "loginrocket.session-intake", "true", "loginrocket.login-landing-paths", "/landing"))) {
            // A forged token in the URL, a session id LoginRocket cannot be asked about, one it refuses,
            // an expired cookie token whose refresh fails, and a logout LoginRocket answers with 500.
            auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/landing?token=" + forged), FakeHttp.response(), false);
            emulator.faults().inject("/v2/session", Fault.status(503));
            auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/landing?session=" + other.sessionId()),
                    FakeHttp.response(), false);
            emulator.faults().clear();
            auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/landing?session=kss_unknown0000"),
                    FakeHttp.response(), false);
            emulator.clock().advance(Duration.ofMinutes(61));
            emulator.faults().inject("/v2/session", Fault.status(500));
            auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/app/x")
                    .header("Cookie", "loginrocket_token=" + login.token()), FakeHttp.response(), true);
            auth.authenticate(FakeHttp.request("POST", "http://127.0.0.1/logout")
                    .header("Authorization", "Bearer " + other.token()), FakeHttp.response(), false);
        } finally {
            emulator.faults().clear();
            emulator.clock().resetOffset();
            root.removeHandler(capture);
            root.setLevel(before);
        }

        assertThat(lines).as("something was logged").isNotEmpty();
        for (String secret : List.of(login.token(), forged, login.sessionId(), other.token(), other.sessionId(),
                "kss_unknown0000", login.token().split("\\.")[2], other.token().split("\\.")[2])) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(secret));
        }
    }
}
