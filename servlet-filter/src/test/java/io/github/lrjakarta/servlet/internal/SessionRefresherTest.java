package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionRefresherTest {

    static LoginRocketEmulator emulator;
    static LoginRocketClient client;
    static LoginRocketTokenVerifier verifier;

    @BeforeAll
    static void start() {
        emulator = LoginRocketEmulator.start();
        client = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build();
        verifier = LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(emulator.url(), true))
                .clock(emulator.clock())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void anErrorDuringARefreshDoesNotLeaveLaterRequestsWaitingForever() {
        SessionRefresher refresher = new SessionRefresher(client, verifier, emulator.clock());
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        // An Error (not an exception) thrown inside the LoginRocket call, on the refreshing thread.
        Supplier<CallOptions> broken = () -> {
            throw new AssertionError("simulated failure inside the LoginRocket call");
        };
        try (CallContext.Scope scope = CallContext.bind(broken)) {
            assertThatThrownBy(() -> refresher.refresh(login.token(), session(login)))
                    .isInstanceOf(AssertionError.class);
        }

        Optional<LoginRocketSession> next = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> refresher.refresh(login.token(), session(login)).session(),
                "a later refresh of the same token waits for an outcome that never comes");
        assertThat(next).isPresent();
        assertThat(next.get().user().email()).contains("dana@example.org");
    }

    private static LoginRocketSession session(IssuedLogin login) {
        return verifier.verify(login.token()).sessionOrThrow();
    }

    /** While the client's guard holds back, refreshes are refused locally without a WARNING line each. */
    @Test
    void refreshesRefusedByTheRateLimitGuardDoNotLogAWarningEach() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(SessionRefresher.class.getName());
        logger.addHandler(capture);
        emulator.faults().inject("/v2/session", Fault.status(429).retryAfter(Duration.ofMinutes(1)).once());
        try (LoginRocketClient limited = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true)
                .build()) {
            SessionRefresher refresher = new SessionRefresher(limited, verifier, emulator.clock());
            emulator.clearRequests();
            for (int i = 0; i < 4; i++) {
                IssuedLogin login = emulator.issueLogin("dana@example.org", null);
                assertThat(refresher.refresh(login.token(), session(login)).session()).isEmpty();
            }
            assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/v2/session")).as("then refused locally")
                    .hasSize(1);
            assertThat(warnings).as("LoginRocket's own 429 only; the guard's episode line covers the rest").hasSize(1);
        } finally {
            logger.removeHandler(capture);
            emulator.faults().clear();
        }
    }

    @Test
    void aRefreshAsksForTheOrgTheOldTokenSelected() {
        SessionRefresher refresher = new SessionRefresher(client, verifier, emulator.clock());
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        String selected = session(login).selectedMembership().orElseThrow().orgId();
        emulator.clearRequests();

        SessionRefresher.Result result = refresher.refresh(login.token(), session(login));

        assertThat(result.session()).isPresent();
        assertThat(result.session().get().selectedMembership().orElseThrow().orgId()).isEqualTo(selected);
        assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/v2/session")).singleElement()
                .satisfies(r -> assertThat(r.queryParam("account")).contains(selected));
    }

    @Test
    void aSessionLoginRocketRefusedIsOverAndRememberedSoConcurrentAndRepeatedRequestsMakeOneCall() {
        SessionRefresher intake = new SessionRefresher(client, verifier, emulator.clock());
        CallBudget budget = new CallBudget(100, emulator.clock());
        emulator.clearRequests();

        SessionRefresher.Result first = intake.exchange("kss_doesNotExist", null, budget);
        SessionRefresher.Result again = intake.exchange("kss_doesNotExist", null, budget);

        assertThat(first.sessionOver()).isTrue();
        assertThat(again.sessionOver()).isTrue();
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void beyondTheBudgetNoCallIsMadeAndTheRefusalIsNotRemembered() {
        SessionRefresher intake = new SessionRefresher(client, verifier, emulator.clock());
        java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(1_000_000);
        java.time.Clock clock = new java.time.Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return java.time.Instant.ofEpochMilli(millis.get()); }
        };
        CallBudget budget = new CallBudget(2, clock);
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);
        emulator.clearRequests();

        assertThat(intake.exchange("kss_random1", null, budget).sessionOver()).isTrue();
        assertThat(intake.exchange("kss_random2", null, budget).sessionOver()).isTrue();
        SessionRefresher.Result refused = intake.exchange(login.sessionId(), null, budget);

        assertThat(refused.session()).isEmpty();
        assertThat(refused.sessionOver()).as("no call was made, so nothing is known about the session").isFalse();
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(2);

        millis.addAndGet(500); // half a second: one call's worth of budget
        assertThat(intake.exchange(login.sessionId(), null, budget).session()).isPresent();
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(3);
    }

    @Test
    void aLoggedOutSessionIsForgotten() {
        SessionRefresher refresher = new SessionRefresher(client, verifier, emulator.clock());
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        assertThat(refresher.refresh(login.token(), session(login)).session()).isPresent();
        client.logout(login.sessionId());

        refresher.forget(login.sessionId());

        assertThat(refresher.refresh(login.token(), session(login)).sessionOver()).isTrue();
    }
}
