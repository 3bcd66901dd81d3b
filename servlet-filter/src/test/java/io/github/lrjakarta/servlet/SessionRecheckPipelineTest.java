package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.servlet.LoginRocketAuthentication.Outcome;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code loginrocket.session-recheck-interval} in the pipeline (and so in the filter, the
 * ServerAuthModule and the Jakarta Security mechanism): a session ended at LoginRocket is refused
 * after the next check, once per interval, never for anonymous input, open on failure.
 */
class SessionRecheckPipelineTest {

    private static final String DANA = "dana@example.org";
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private LoginRocketEmulator emulator;

    @BeforeEach
    void start() {
        emulator = LoginRocketEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private LoginRocketConfig config(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.login-required", "/app/*",
                "loginrocket.cookie.name", "lr_token",
                "loginrocket.refresh-before", "0s",
                "loginrocket.session-recheck-interval", "5m"));
        keys.putAll(extra);
        return LoginRocketConfig.builder().source(ConfigSources.of("test", 100, keys)).build();
    }

    private LoginRocketAuthentication pipeline(Map<String, String> extra) {
        return LoginRocketAuthentication.builder().config(config(extra)).clock(emulator.clock()).build();
    }

    private Outcome withBearer(LoginRocketAuthentication auth, String token, FakeHttp.Response res) throws Exception {
        return auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/app/x")
                .header("Authorization", "Bearer " + token), res, true);
    }

    private int sessionCalls() {
        return emulator.requestCount("/v2/session");
    }

    /** LoginRocket Web's logout: the session ends without this application. */
    private void endAtLoginRocket(String sessionId) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/logout?session="
                + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(emulator.session(sessionId)).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void aSessionEndedAtLoginRocketIsRefusedAfterTheNextCheckAndOnlyOneCallIsMadePerInterval() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            IssuedLogin dana = emulator.issueLogin(DANA, null);
            for (int i = 0; i < 5; i++) {
                assertThat(withBearer(auth, dana.token(), FakeHttp.response()).status())
                        .isEqualTo(Outcome.Status.AUTHENTICATED);
            }
            assertThat(sessionCalls()).as("confirmed once for five requests").isEqualTo(1);

            endAtLoginRocket(dana.sessionId());
            assertThat(withBearer(auth, dana.token(), FakeHttp.response()).status()).as("not due yet")
                    .isEqualTo(Outcome.Status.AUTHENTICATED);

            emulator.clock().advance(INTERVAL);
            FakeHttp.Response refused = FakeHttp.response();
            assertThat(withBearer(auth, dana.token(), refused).status()).isEqualTo(Outcome.Status.RESPONDED);
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(sessionCalls()).isEqualTo(2);
            assertThat(LoginRocketFactory.of(config(Map.of())).newTokenVerifier().verify(dana.token()).failure())
                    .as("like a logout: every verifier of the realm refuses the token now")
                    .isEqualTo(TokenFailure.SESSION_ENDED);
            assertThat(withBearer(auth, dana.token(), FakeHttp.response()).status()).isEqualTo(Outcome.Status.RESPONDED);
            assertThat(sessionCalls()).as("no call for a session known to be over").isEqualTo(2);
        }
    }

    @Test
    void aCookieOfASessionEndedElsewhereIsCleared() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            IssuedLogin dana = emulator.issueLogin(DANA, null);
            FakeHttp.Request req = FakeHttp.request("GET", "http://127.0.0.1/open/x").header("Cookie", "lr_token=" + dana.token());
            assertThat(auth.authenticate(req, FakeHttp.response(), false).status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            endAtLoginRocket(dana.sessionId());
            emulator.clock().advance(INTERVAL);

            FakeHttp.Response res = FakeHttp.response();
            Outcome outcome = auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/open/x")
                    .header("Cookie", "lr_token=" + dana.token()), res, false);

            assertThat(outcome.status()).isEqualTo(Outcome.Status.ANONYMOUS);
            assertThat(res.headerValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lr_token=;")
                    .contains("Max-Age=0"));
        }
    }

    @Test
    void twoPipelinesOfTheRealmShareTheClaimAndMakeOneCall() throws Exception {
        try (LoginRocketAuthentication nodeA = pipeline(Map.of()); LoginRocketAuthentication nodeB = pipeline(Map.of())) {
            IssuedLogin dana = emulator.issueLogin(DANA, null);
            assertThat(withBearer(nodeA, dana.token(), FakeHttp.response()).status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            assertThat(withBearer(nodeB, dana.token(), FakeHttp.response()).status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            assertThat(sessionCalls()).isEqualTo(1);
        }
    }

    @Test
    void aFailedCheckAcceptsTheTokenWithoutRetrying() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            IssuedLogin dana = emulator.issueLogin(DANA, null);
            emulator.faults().inject("/v2/session", Fault.status(503));
            for (int i = 0; i < 5; i++) {
                assertThat(withBearer(auth, dana.token(), FakeHttp.response()).status())
                        .isEqualTo(Outcome.Status.AUTHENTICATED);
            }
            assertThat(sessionCalls()).as("one attempt, then the claim holds for the interval").isEqualTo(1);
        }
    }

    @Test
    void inputThatDoesNotVerifyNeverTriggersACheck() throws Exception {
        try (LoginRocketAuthentication auth = pipeline(Map.of())) {
            String genuine = emulator.issueToken(DANA);
            String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA";
            for (String token : new String[] {forged, "garbage", genuine + "x"}) {
                assertThat(withBearer(auth, token, FakeHttp.response()).status()).isEqualTo(Outcome.Status.RESPONDED);
            }
            assertThat(auth.authenticate(FakeHttp.request("GET", "http://127.0.0.1/app/x"), FakeHttp.response(), false)
                    .status()).isEqualTo(Outcome.Status.ANONYMOUS);
            assertThat(sessionCalls()).isZero();
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (LoginRocketAuthentication auth = LoginRocketAuthentication.builder().config(LoginRocketConfig.builder()
                .source(ConfigSources.of("test", 100, Map.of("loginrocket.url", emulator.url(),
                        "loginrocket.allow-insecure-loopback", "true", "loginrocket.refresh-before", "0s")))
                .build()).clock(emulator.clock()).build()) {
            IssuedLogin dana = emulator.issueLogin(DANA, null);
            endAtLoginRocket(dana.sessionId());
            emulator.clock().advance(Duration.ofMinutes(30));
            assertThat(withBearer(auth, dana.token(), FakeHttp.response()).status()).isEqualTo(Outcome.Status.AUTHENTICATED);
            assertThat(sessionCalls()).isZero();
        }
    }
}
