package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's rate-limit back-off against the emulator: after LoginRocket asks it to wait, calls are
 * refused locally (the emulator sees none) until the wait has passed on the client's ticker.
 */
class ClientRateLimitTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final AtomicLong nanos = new AtomicLong();
    private LoginRocketClient client;
    private String session;

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    @BeforeEach
    void logIn() {
        client = clientFor(emulator()).retryPolicy(RetryPolicy.none()).ticker(nanos::get).build();
        session = client.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        emulator().clearRequests();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private RateLimitedException rateLimitedBy(Fault fault) {
        emulator().faults().inject("/v2/session", fault.once());
        RateLimitedException e = catchThrowableOfType(() -> client.getSession(session), RateLimitedException.class);
        assertThat(e.refusedLocally()).as("LoginRocket's own 429").isFalse();
        return e;
    }

    private RateLimitedException refusedLocally(Runnable call) {
        int before = emulator().requests().size();
        RateLimitedException e = catchThrowableOfType(call::run, RateLimitedException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.refusedLocally()).isTrue();
        assertThat(emulator().requests()).as("no request sent").hasSize(before);
        return e;
    }

    /** The eleven calls, each with arguments that LoginRocket would accept. */
    private List<Consumer<LoginRocketClient>> everyCall() {
        return List.of(
                c -> c.login(DANA, DANA_PASSWORD),
                c -> c.verifyLogin("tmf:step", "123456"),
                c -> c.getSession(session),
                c -> c.logout(session),
                c -> c.forgotPassword(DANA),
                c -> c.resetPassword(ResetPasswordRequest.builder().token("tpw:x").password("new-password-123").build()),
                c -> c.updatePassword(UpdatePasswordRequest.builder().sessionId(session)
                        .currentPassword(DANA_PASSWORD).password("new-password-123").build()),
                c -> c.updateProfile(UpdateProfileRequest.builder().sessionId(session).firstName("Dana").build()),
                c -> c.requestInvitation(DANA),
                c -> c.signup(SignupRequest.builder().email("new@example.org").password("new-password-123").build()),
                c -> c.verifyEmail("tve:x"));
    }

    @Test
    void afterA429AllElevenCallsAreRefusedLocallyWithTheRemainingWaitAndTheRequestIdOfThe429() {
        RateLimitedException first = rateLimitedBy(Fault.status(429).header("Retry-After", "30"));
        advance(Duration.ofSeconds(10));

        List<Consumer<LoginRocketClient>> calls = everyCall();
        assertThat(calls).hasSize(11);
        for (Consumer<LoginRocketClient> call : calls) {
            RateLimitedException e = refusedLocally(() -> call.accept(client));
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
            assertThat(e.requestId()).isEqualTo(first.requestId()).startsWith("rq_");
            assertThat(e.getMessage()).startsWith("Refused locally, no call made: ").contains("try again in 20 s")
                    .doesNotContain(session);
        }
        assertThat(emulator().requests()).as("only the 429 itself").hasSize(1);
    }

    @Test
    void whenTheWaitHasPassedOneProbeGoesThroughAndItsSuccessEndsTheBackOff() {
        rateLimitedBy(Fault.status(429).header("Retry-After", "30"));
        advance(Duration.ofSeconds(30));

        assertThat(client.getSession(session).isFullLogin()).isTrue();
        assertThat(client.getSession(session).isFullLogin()).isTrue();
        assertThat(client.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
        assertThat(emulator().requests()).hasSize(4);
    }

    @Test
    void aRateLimitedProbeStartsAnotherWait() {
        rateLimitedBy(Fault.status(429).header("Retry-After", "5"));
        advance(Duration.ofSeconds(5));
        rateLimitedBy(Fault.status(429).header("Retry-After", "8"));
        assertThat(refusedLocally(() -> client.getSession(session)).retryAfter()).contains(Duration.ofSeconds(8));
    }

    @Test
    void anErrorAnswerToTheProbeEndsTheBackOffToo() {
        rateLimitedBy(Fault.status(429).header("Retry-After", "5"));
        advance(Duration.ofSeconds(5));
        catchThrowableOfType(() -> client.login(DANA, "wrong-password"), ValidationException.class);
        assertThat(client.getSession(session).isFullLogin()).isTrue();
    }

    @Test
    void aRatelimitResetAloneStartsTheBackOff() {
        // Fault.rateLimited sends only Ratelimit-Reset, an HTTP-date 60 s ahead on the emulator's clock
        rateLimitedBy(Fault.rateLimited(Duration.ofSeconds(60)));
        assertThat(refusedLocally(() -> client.getSession(session)).retryAfter()).get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(58), Duration.ofSeconds(60)));
    }

    @Test
    void a429WithoutAWaitHoldsBackOneSecond() {
        rateLimitedBy(Fault.response(429, "application/json", "{\"error\":\"Rate limited\"}"));
        assertThat(refusedLocally(() -> client.getSession(session)).retryAfter()).contains(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(client.getSession(session).isFullLogin()).isTrue();
    }

    @Test
    void anAbsurdWaitIsCappedAtFiveMinutes() {
        rateLimitedBy(Fault.status(429).header("Retry-After", String.valueOf(Duration.ofDays(365).toSeconds())));
        assertThat(refusedLocally(() -> client.getSession(session)).retryAfter()).contains(Duration.ofMinutes(5));
        advance(Duration.ofMinutes(5));
        assertThat(client.getSession(session).isFullLogin()).isTrue();
    }

    @Test
    void a503WithAWaitStartsTheBackOffAndOneWithoutDoesNot() {
        emulator().faults().inject("/v2/session", Fault.status(503).once());
        catchThrowableOfType(() -> client.getSession(session), ServerException.class);
        assertThat(client.getSession(session).isFullLogin()).as("a plain 503 holds nothing back").isTrue();

        emulator().faults().inject("/v2/session", Fault.status(503).header("Retry-After", "4").once());
        ServerException e = catchThrowableOfType(() -> client.getSession(session), ServerException.class);
        RateLimitedException refused = refusedLocally(() -> client.getSession(session));
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(refused.requestId()).isEqualTo(e.requestId());
    }

    @Test
    void theBackOffIsLoggedOnceWhenItStartsAndOnceWhenItEndsNotPerRefusedCall() {
        try (LogCapture log = LogCapture.of("io.github.lrjakarta.core.LoginRocketClient")) {
            RateLimitedException first = rateLimitedBy(Fault.status(429).header("Retry-After", "30"));
            for (int i = 0; i < 5; i++) {
                refusedLocally(() -> client.getSession(session));
            }
            advance(Duration.ofSeconds(30));
            client.getSession(session);
            client.getSession(session);

            assertThat(log.at("WARNING")).singleElement().asString()
                    .contains(emulator().url(), "request id " + first.requestId(), "for 30 s");
            assertThat(log.at("INFO")).singleElement().asString()
                    .contains("accepts calls again", "after 30 s", "calls refused locally meanwhile: 5");
            assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain(session));
        }
    }

    @Test
    void aRetryThatSleptTheRequestedWaitIsTheProbe() {
        try (LoginRocketClient waiting = clientFor(emulator()).ticker(nanos::get).build()) {
            emulator().faults().inject("/v2/session", Fault.status(429).header("Retry-After", "1").once());
            // the ticker stands still: only the retry's own wait lets it through, as the probe
            assertThat(waiting.getSession(session).isFullLogin()).isTrue();
            assertThat(waiting.getSession(session).isFullLogin()).as("the probe's success ended the back-off").isTrue();
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(3);
    }

    @Test
    void withRetryPolicyNoneBoundACallMakesOneAttemptAndTheNextIsRefusedWithoutARequest() {
        try (LoginRocketClient waiting = clientFor(emulator()).ticker(nanos::get).build();
                CallContext.Scope scope =
                        CallContext.bind(CallOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
            emulator().faults().inject("/v2/session", Fault.status(429).header("Retry-After", "1").once());
            RateLimitedException e = catchThrowableOfType(() -> waiting.getSession(session), RateLimitedException.class);
            assertThat(e.refusedLocally()).isFalse();
            assertThat(e.getSuppressed()).isEmpty();
            assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);

            assertThat(catchThrowableOfType(() -> waiting.getSession(session), RateLimitedException.class)
                    .refusedLocally()).isTrue();
            assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);

            advance(Duration.ofSeconds(1));
            emulator().faults().inject("/v2/session", Fault.status(503).header("Retry-After", "1").once());
            assertThat(catchThrowableOfType(() -> waiting.getSession(session), ServerException.class).status())
                    .isEqualTo(503);
            assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
        }
    }
}
