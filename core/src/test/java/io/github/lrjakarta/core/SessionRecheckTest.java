package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The periodic re-check against the emulator, on the emulator's clock: one call per session and
 * interval, a session ended at LoginRocket refused after the next check, fail-open on faults, and
 * one call for two "nodes" sharing one claim record.
 */
class SessionRecheckTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private LoginRocketEmulator emulator;
    private LoginRocketClient client;
    private final EndedSessions ended = EndedSessions.inMemory();
    private final SessionChecks checks = SessionChecks.inMemory();
    private final List<CallEvent> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = LoginRocketEmulator.start();
        client = clientFor(emulator).endedSessions(ended).listener(new LoginRocketListener() {
            @Override
            public void callCompleted(CallEvent event) {
                calls.add(event);
            }
        }).build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private SessionRecheck recheck(LoginRocketClient c, SessionChecks record) {
        return SessionRecheck.builder().client(c).interval(INTERVAL).sessionChecks(record).endedSessions(ended)
                .clock(emulator.clock()).build();
    }

    private LoginRocketTokenVerifier verifier() {
        return LoginRocketTokenVerifier.builder().jwks(LoginRocketUrl.parse(emulator.url(), true))
                .clock(emulator.clock()).endedSessions(ended).build();
    }

    private LoginRocketSession sessionOf(IssuedLogin login) {
        return verifier().verify(login.token()).sessionOrThrow();
    }

    private int sessionCalls() {
        return emulator.requestCount("/v2/session");
    }

    /** LoginRocket Web's logout: the session ends without this application's client. */
    private void endAtLoginRocket(String sessionId) throws IOException, InterruptedException {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url()
                + "/logout?session=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isBetween(300, 399);
        assertThat(emulator.session(sessionId)).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void anActiveSessionIsConfirmedOncePerIntervalWithTheTokensAccount() {
        IssuedLogin dana = emulator.issueLogin(DANA, null);
        LoginRocketSession session = sessionOf(dana);
        SessionRecheck recheck = recheck(client, checks);

        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
        emulator.clock().advance(INTERVAL.minusSeconds(1));
        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
        assertThat(sessionCalls()).isEqualTo(1);
        RecordedRequest call = emulator.requests().stream().filter(r -> r.path().equals("/v2/session")).findFirst()
                .orElseThrow();
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.queryParam("account")).as("so a multi-user realm answers for the token's account")
                .contains(dana.account());
        assertThat(calls).extracting(CallEvent::call).containsExactly("GET /v2/session");

        emulator.clock().advance(Duration.ofSeconds(1));
        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
        assertThat(sessionCalls()).isEqualTo(2);
    }

    @Test
    void aSessionEndedAtLoginRocketIsRefusedAfterTheNextCheck() throws Exception {
        IssuedLogin dana = emulator.issueLogin(DANA, null);
        LoginRocketSession session = sessionOf(dana);
        SessionRecheck recheck = recheck(client, checks);
        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);

        endAtLoginRocket(dana.sessionId());
        assertThat(recheck.check(session)).as("within the interval nobody asks").isEqualTo(SessionRecheck.Outcome.NOT_DUE);
        assertThat(verifier().verify(dana.token()).isValid()).isTrue();

        emulator.clock().advance(INTERVAL);
        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.ENDED);
        assertThat(ended.isEnded(dana.sessionId())).as("recorded for every node sharing the store").isTrue();
        assertThat(verifier().verify(dana.token()).failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        assertThat(recheck.check(session)).as("known now, no further call").isEqualTo(SessionRecheck.Outcome.ENDED);
        assertThat(sessionCalls()).isEqualTo(2);
        emulator.clock().advance(Duration.ofMinutes(59));
        assertThat(ended.isEnded(dana.sessionId())).as("kept for one token lifetime after the check").isTrue();
    }

    /** While the client's guard holds back, due checks are refused locally without a WARNING line each. */
    @Test
    void checksRefusedByTheRateLimitGuardDoNotLogAWarningPerSession() {
        emulator.faults().inject("/v2/session", Fault.status(429).retryAfter(Duration.ofMinutes(1)).once());
        SessionRecheck recheck = recheck(client, checks);
        try (LogCapture log = LogCapture.of(SessionRecheck.class.getName())) {
            assertThat(recheck.check(sessionOf(emulator.issueLogin(DANA, null))))
                    .isEqualTo(SessionRecheck.Outcome.UNAVAILABLE);
            assertThat(log.at("WARNING")).as("LoginRocket's own 429 is worth a line").hasSize(1);
            for (int i = 0; i < 5; i++) {
                assertThat(recheck.check(sessionOf(emulator.issueLogin(DANA, null))))
                        .isEqualTo(SessionRecheck.Outcome.UNAVAILABLE);
            }
            assertThat(sessionCalls()).as("refused locally").isEqualTo(1);
            assertThat(log.at("WARNING")).as("the guard's episode line covers the refusals").hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"503", "500", "429", "drop", "garbage"})
    void aFailedCheckAcceptsTheTokenAndIsNotRetriedWithinTheInterval(String fault) {
        emulator.faults().inject("/v2/session", switch (fault) {
            case "drop" -> Fault.dropConnection();
            case "garbage" -> Fault.malformedBody();
            default -> Fault.status(Integer.parseInt(fault));
        });
        IssuedLogin dana = emulator.issueLogin(DANA, null);
        LoginRocketSession session = sessionOf(dana);
        SessionRecheck recheck = recheck(client, checks);

        assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.UNAVAILABLE);
        for (int i = 0; i < 20; i++) {
            assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
        }
        assertThat(sessionCalls()).as("one attempt, no retry storm").isEqualTo(1);
        assertThat(ended.isEnded(dana.sessionId())).isFalse();

        emulator.faults().clear();
        emulator.clock().advance(INTERVAL);
        if (fault.equals("429")) {
            assertThat(recheck.check(session)).as("the client's rate-limit guard still backs off: refused locally")
                    .isEqualTo(SessionRecheck.Outcome.UNAVAILABLE);
            assertThat(sessionCalls()).isEqualTo(1);
        } else {
            assertThat(recheck.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
        }
    }

    @Test
    void twoNodesSharingOneRecordMakeOneCallPerInterval() {
        IssuedLogin dana = emulator.issueLogin(DANA, null);
        try (LoginRocketClient other = clientFor(emulator).endedSessions(ended).build()) {
            SessionRecheck onA = recheck(client, checks);
            SessionRecheck onB = recheck(other, checks);
            LoginRocketSession session = sessionOf(dana);

            assertThat(onA.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
            assertThat(onB.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
            assertThat(sessionCalls()).isEqualTo(1);
            emulator.clock().advance(INTERVAL);
            assertThat(onB.check(session)).isEqualTo(SessionRecheck.Outcome.CONFIRMED);
            assertThat(onA.check(session)).isEqualTo(SessionRecheck.Outcome.NOT_DUE);
            assertThat(sessionCalls()).isEqualTo(2);
        }
    }

    @Test
    void theIntervalIsThreeToFifteenMinutesAndShorterOnlyForALoopbackRealm() {
        try (LoginRocketClient remote = LoginRocketClient.builder().url("https://example.authrocket.com").build()) {
            assertThatThrownBy(() -> SessionRecheck.builder().client(remote).interval(Duration.ofMinutes(2)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected from 3m to 15m, got 2m")
                    .hasMessageContaining("loopback");
            assertThatThrownBy(() -> SessionRecheck.builder().client(remote).interval(Duration.ofMinutes(16)).build())
                    .hasMessageContaining("got 16m");
            assertThat(SessionRecheck.builder().client(remote).interval(Duration.ofMinutes(3)).build().interval())
                    .isEqualTo(Duration.ofMinutes(3));
        }
        assertThat(SessionRecheck.builder().client(client).interval(Duration.ofSeconds(1)).build().interval())
                .as("the emulator on loopback").isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> SessionRecheck.builder().client(client).interval(Duration.ofMillis(500)).build())
                .hasMessageContaining("expected from 1s to 15m");
    }
}
