package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a {@link LoginRocketListener} on the client hears: one event per call, after all its attempts. */
class ClientEventsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final List<CallEvent> calls = new CopyOnWriteArrayList<>();
    private final LoginRocketListener recorder = new LoginRocketListener() {
        @Override
        public void callCompleted(CallEvent event) {
            calls.add(event);
        }
    };

    @Test
    void aSuccessfulCallIsReportedWithItsStatusAttemptsAndRequestId() {
        try (LoginRocketClient c = clientFor(LR.emulator()).listener(recorder).build()) {
            c.login(DANA, DANA_PASSWORD);
        }
        assertThat(calls).singleElement().satisfies(e -> {
            assertThat(e.call()).isEqualTo("POST /v2/login");
            assertThat(e.outcome()).isEqualTo(CallEvent.Outcome.SUCCESS);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.requestId()).matches(REQUEST_ID);
            assertThat(e.duration()).isPositive();
        });
    }

    @Test
    void aRejectedLoginIsAClientErrorAndTheEventHoldsNoPassword() {
        try (LoginRocketClient c = clientFor(LR.emulator()).listener(recorder).build()) {
            catchThrowableOfType(() -> c.login(DANA, "wrong-password-1"), ValidationException.class);
        }
        assertThat(calls).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(CallEvent.Outcome.CLIENT_ERROR);
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.toString()).doesNotContain("wrong-password-1").doesNotContain(DANA);
        });
    }

    @Test
    void retriesAreCountedInOneEvent() {
        String session;
        try (LoginRocketClient c = clientFor(LR.emulator()).build()) {
            session = c.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        }
        LR.emulator().faults().inject("/v2/session", Fault.status(503).once());
        RetryPolicy quick = RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build();
        try (LoginRocketClient c = clientFor(LR.emulator()).retryPolicy(quick).listener(recorder).build()) {
            c.getSession(session);
        }
        assertThat(calls).singleElement().satisfies(e -> {
            assertThat(e.call()).isEqualTo("GET /v2/session");
            assertThat(e.outcome()).isEqualTo(CallEvent.Outcome.SUCCESS);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.toString()).doesNotContain(session);
        });
    }

    @Test
    void failuresAreClassified() {
        LR.emulator().faults().inject("/v2/password/forgot", Fault.rateLimited(Duration.ofSeconds(30)).once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.status(502).once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.malformedBody().once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.dropConnection().once());
        try (LoginRocketClient c = clientFor(LR.emulator()).retryPolicy(RetryPolicy.none()).listener(recorder).build()) {
            for (int i = 0; i < 4; i++) {
                catchThrowableOfType(() -> c.forgotPassword(DANA), LoginRocketException.class);
            }
        }
        assertThat(calls).extracting(CallEvent::outcome).containsExactly(
                CallEvent.Outcome.RATE_LIMITED,
                CallEvent.Outcome.SERVER_ERROR,
                CallEvent.Outcome.PROTOCOL_ERROR,
                CallEvent.Outcome.TRANSPORT_ERROR);
        assertThat(calls.get(0).rateLimited()).isTrue();
        assertThat(calls.get(3).status()).isZero();
        assertThat(calls.get(3).requestIdIfAny()).isEmpty();
    }

    @Test
    void aListenerThatThrowsNeitherFailsTheCallNorSilencesTheOthers() {
        LoginRocketListener broken = new LoginRocketListener() {
            @Override
            public void callCompleted(CallEvent event) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (LoginRocketClient c = clientFor(LR.emulator()).listener(broken).listener(recorder).build()) {
            assertThat(c.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
            assertThat(c.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
        }
        assertThat(calls).hasSize(2);
    }
}
