package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.testing.TestClock;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The readiness check: up or down by what LoginRocket answers, and never more than one call per interval. */
class LoginRocketReadinessTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final TestClock clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));

    private LoginRocketReadiness readiness(LoginRocketClient client) {
        return LoginRocketReadiness.builder(client).interval(Duration.ofSeconds(30)).clock(clock).build();
    }

    @Test
    void upWhenTheKeySetAnswersAndTheAnswerIsKeptForTheInterval() {
        try (LoginRocketClient c = clientFor(LR.emulator()).build()) {
            LoginRocketReadiness r = readiness(c);
            LoginRocketReadiness.Status first = r.check();
            assertThat(first.up()).isTrue();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.requestId()).matches(REQUEST_ID);
            for (int i = 0; i < 50; i++) {
                assertThat(r.check()).isSameAs(first);
            }
            assertThat(LR.emulator().requestCount("/connect/jwks")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(31));
            assertThat(r.check()).isNotSameAs(first);
            assertThat(LR.emulator().requestCount("/connect/jwks")).isEqualTo(2);
        }
    }

    @Test
    void downOnA5xxWithTheStatusAndRequestIdInTheDetail() {
        LR.emulator().faults().inject("/connect/jwks", Fault.status(503));
        try (LoginRocketClient c = clientFor(LR.emulator()).build()) {
            LoginRocketReadiness.Status s = readiness(c).check();
            assertThat(s.up()).isFalse();
            assertThat(s.status()).isEqualTo(503);
            assertThat(s.detail()).contains("503").contains(s.requestId());
        }
    }

    @Test
    void upButSaidSoWhenRateLimited() {
        LR.emulator().faults().inject("/connect/jwks", Fault.rateLimited(Duration.ofSeconds(20)));
        try (LoginRocketClient c = clientFor(LR.emulator()).build()) {
            LoginRocketReadiness.Status s = readiness(c).check();
            assertThat(s.up()).isTrue();
            assertThat(s.detail()).contains("rate limited");
        }
    }

    @Test
    void upWithoutACallWhileTheClientBacksOffAfterA429() {
        LR.emulator().faults().inject("/v2/password/forgot", Fault.rateLimited(Duration.ofSeconds(30)).once());
        try (LoginRocketClient c = clientFor(LR.emulator()).retryPolicy(RetryPolicy.none()).build()) {
            org.assertj.core.api.Assertions.catchThrowable(() -> c.forgotPassword(ClientTestSupport.DANA));
            LoginRocketReadiness.Status s = readiness(c).check();
            assertThat(s.up()).isTrue();
            assertThat(s.detail()).contains("backing off");
        }
        assertThat(LR.emulator().requestCount("/connect/jwks")).isZero();
    }

    @Test
    void downWhenNothingAnswers() {
        LoginRocketEmulator stopped = LoginRocketEmulator.start();
        LoginRocketClient.Builder b = clientFor(stopped).connectTimeout(Duration.ofMillis(500));
        stopped.close();
        try (LoginRocketClient c = b.build()) {
            LoginRocketReadiness.Status s = readiness(c).check();
            assertThat(s.up()).isFalse();
            assertThat(s.status()).isZero();
            assertThat(s.detail()).startsWith("no answer from http://127.0.0.1:");
        }
    }

    @Test
    void anIntervalBelowOneSecondIsRefused() {
        try (LoginRocketClient c = clientFor(LR.emulator()).build()) {
            assertThatThrownBy(() -> LoginRocketReadiness.builder(c).interval(Duration.ofMillis(10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1s");
        }
    }
}
