package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.RateLimitEvent;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
        LR.emulator().faults().inject("/v2/password/forgot", Fault.status(502).once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.malformedBody().once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.dropConnection().once());
        // last: after it the client refuses calls locally for the wait
        LR.emulator().faults().inject("/v2/password/forgot", Fault.rateLimited(Duration.ofSeconds(30)).once());
        try (LoginRocketClient c = clientFor(LR.emulator()).retryPolicy(RetryPolicy.none()).listener(recorder).build()) {
            for (int i = 0; i < 4; i++) {
                catchThrowableOfType(() -> c.forgotPassword(DANA), LoginRocketException.class);
            }
        }
        assertThat(calls).extracting(CallEvent::outcome).containsExactly(
                CallEvent.Outcome.SERVER_ERROR,
                CallEvent.Outcome.PROTOCOL_ERROR,
                CallEvent.Outcome.TRANSPORT_ERROR,
                CallEvent.Outcome.RATE_LIMITED);
        assertThat(calls.get(3).rateLimited()).isTrue();
        assertThat(calls.get(2).status()).isZero();
        assertThat(calls.get(2).requestIdIfAny()).isEmpty();
    }

    @Test
    void aRateLimitEpisodeIsReportedWhenItStartsAndWhenItEnds() {
        List<RateLimitEvent> episodes = new CopyOnWriteArrayList<>();
        LoginRocketListener listener = new LoginRocketListener() {
            @Override
            public void rateLimitChanged(RateLimitEvent event) {
                episodes.add(event);
            }
        };
        AtomicLong nanos = new AtomicLong();
        LR.emulator().faults().inject("/v2/password/forgot", Fault.rateLimited(Duration.ofSeconds(20)).once());
        try (LoginRocketClient c = clientFor(LR.emulator()).retryPolicy(RetryPolicy.none()).ticker(nanos::get)
                .listener(listener).build()) {
            catchThrowableOfType(() -> c.forgotPassword(DANA), RateLimitedException.class);
            RateLimitedException refused = catchThrowableOfType(() -> c.forgotPassword(DANA), RateLimitedException.class);
            assertThat(refused.refusedLocally()).isTrue();
            assertThat(episodes).singleElement().satisfies(e -> {
                assertThat(e.started()).isTrue();
                // Ratelimit-Reset is a point in time, so the wait is a little under the 20 s
                assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
                assertThat(e.requestId()).matches(REQUEST_ID);
            });
            nanos.addAndGet(Duration.ofSeconds(21).toNanos());
            c.forgotPassword(DANA);
        }
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(1).started()).isFalse();
        assertThat(calls).isEmpty();
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
