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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retry policy against real faults: bounded, idempotent-only by default, honouring waits, never hiding errors. */
class ClientRetryTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private static final RetryPolicy QUICK = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build();

    private String session;

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    @BeforeEach
    void logIn() {
        try (LoginRocketClient c = clientFor(emulator()).build()) {
            session = c.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        }
        emulator().clearRequests();
    }

    private static LoginRocketClient client(RetryPolicy policy) {
        return clientFor(emulator()).retryPolicy(policy).build();
    }

    @Test
    void idempotentCallIsRetriedAfter503() {
        emulator().faults().inject("/v2/session", Fault.status(503).once());
        try (LoginRocketClient c = client(QUICK)) {
            assertThat(c.getSession(session).isFullLogin()).isTrue();
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
    }

    @Test
    void aBoundSingleAttemptPolicyMakesOneCallAndWinsOverTheClientPolicy() {
        emulator().faults().inject("/v2/session", Fault.status(503).once());
        try (LoginRocketClient c = client(QUICK);
                CallContext.Scope scope = CallContext.bind(CallOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
            assertThat(catchThrowableOfType(() -> c.getSession(session), ServerException.class).status()).isEqualTo(503);
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void anExplicitPolicyOnTheCallWinsOverTheBoundOne() {
        emulator().faults().inject("/v2/session", Fault.status(503).once());
        try (LoginRocketClient c = client(RetryPolicy.none());
                CallContext.Scope scope = CallContext.bind(CallOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
            assertThat(c.getSession(session, null, CallOptions.builder().retryPolicy(QUICK).build()).isFullLogin())
                    .isTrue();
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsThrownWithTheEarlierOnesAttached() {
        emulator().faults().inject("/v2/session", Fault.status(503));
        try (LoginRocketClient c = client(QUICK)) {
            ServerException e = catchThrowableOfType(() -> c.getSession(session), ServerException.class);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("(attempt 3)");
            assertThat(e.getSuppressed()).hasSize(2).allSatisfy(s -> assertThat(s).isInstanceOf(ServerException.class));
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(3);
    }

    @Test
    void droppedConnectionOnLogoutIsRetriedBecauseDeleteIsIdempotent() {
        emulator().faults().inject("/v2/session", Fault.dropConnection().once());
        try (LoginRocketClient c = client(QUICK)) {
            assertThat(c.logout(session).type()).isEqualTo(LoginResult.Type.OKAY);
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
        assertThat(emulator().session(session).orElseThrow().active()).isFalse();
    }

    @Test
    void nonIdempotentCallsAreNotRetriedByDefault() {
        emulator().faults().inject("/v2/login", Fault.status(503).once());
        emulator().faults().inject("/v2/password/forgot", Fault.dropConnection().once());
        try (LoginRocketClient c = client(QUICK)) {
            ServerException login = catchThrowableOfType(() -> c.login(DANA, DANA_PASSWORD), ServerException.class);
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.getSuppressed()).as("no earlier attempts").isEmpty();
            TransportException forgot = catchThrowableOfType(() -> c.forgotPassword(DANA), TransportException.class);
            assertThat(forgot.getSuppressed()).as("no earlier attempts").isEmpty();
        }
        assertThat(emulator().requestCount("/v2/login")).isEqualTo(1);
        assertThat(emulator().requestCount("/v2/password/forgot")).isEqualTo(1);
        assertThat(emulator().outbox().messagesTo(DANA)).isEmpty();
    }

    @Test
    void updateProfileIsNotRetriedByDefaultEvenThoughItIsAPut() {
        emulator().faults().inject("/v2/profile", Fault.status(503).once());
        try (LoginRocketClient c = client(QUICK)) {
            ServerException e = catchThrowableOfType(() -> c.updateProfile(UpdateProfileRequest.builder()
                    .sessionId(session).firstName("X").build()), ServerException.class);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getSuppressed()).isEmpty();
        }
        assertThat(emulator().requestCount("/v2/profile")).isEqualTo(1);
    }

    @Test
    void nonIdempotentCallsAreRetriedWhenExplicitlyEnabled() {
        emulator().faults().inject("/v2/login", Fault.status(503).once());
        try (LoginRocketClient c = client(RetryPolicy.builder().retryNonIdempotent(true)
                .initialBackoff(Duration.ofMillis(10)).build())) {
            assertThat(c.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
        }
        assertThat(emulator().requestCount("/v2/login")).isEqualTo(2);
    }

    @Test
    void errorsThatARetryCannotFixAreNotRetried() {
        emulator().faults().inject("/v2/session", Fault.status(500).once());
        try (LoginRocketClient c = client(QUICK)) {
            ServerException e500 = catchThrowableOfType(() -> c.getSession(session), ServerException.class);
            assertThat(e500.status()).isEqualTo(500);
            assertThat(e500.getSuppressed()).isEmpty();
            AccessDeniedException e403 = catchThrowableOfType(() -> c.getSession("kss_0000000000000000000000"),
                    AccessDeniedException.class);
            assertThat(e403.status()).isEqualTo(403);
            assertThat(e403.getSuppressed()).isEmpty();
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
    }

    @Test
    void noRetriesWithRetryPolicyNone() {
        emulator().faults().inject("/v2/session", Fault.status(503).once());
        try (LoginRocketClient c = client(RetryPolicy.none())) {
            ServerException e = catchThrowableOfType(() -> c.getSession(session), ServerException.class);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).doesNotContain("(attempt");
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void rateLimitIsRetriedAfterTheRequestedWaitWhenWithinMaxWait() {
        emulator().faults().inject("/v2/session", Fault.rateLimited(Duration.ofSeconds(2)).once());
        long start = System.nanoTime();
        try (LoginRocketClient c = client(QUICK)) {
            assertThat(c.getSession(session).isFullLogin()).isTrue();
        }
        // Ratelimit-Reset is an HTTP-date (whole seconds): 2 s ahead means a wait of more than 1 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
    }

    @Test
    void rateLimitBeyondMaxWaitIsThrownAtOnce() {
        emulator().faults().inject("/v2/session", Fault.rateLimited(Duration.ofSeconds(60)).once());
        long start = System.nanoTime();
        try (LoginRocketClient c = client(RetryPolicy.builder().maxWait(Duration.ofSeconds(5)).build())) {
            RateLimitedException e = catchThrowableOfType(() -> c.getSession(session), RateLimitedException.class);
            assertThat(e.retryAfter()).get().satisfies(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(55)));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void unavailableWithRetryAfterSecondsWaitsThatLong() {
        emulator().faults().inject("/v2/session", Fault.status(503).header("Retry-After", "1").once());
        long start = System.nanoTime();
        try (LoginRocketClient c = client(QUICK)) {
            assertThat(c.getSession(session).isFullLogin()).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(2);
    }

    @Test
    void retryAfterWinsOverRatelimitResetAndIsThrownAtOnceBeyondMaxWait() {
        emulator().faults().inject("/v2/session",
                Fault.rateLimited(Duration.ofSeconds(2)).header("Retry-After", "120").once());
        try (LoginRocketClient c = client(RetryPolicy.builder().maxWait(Duration.ofSeconds(5)).build())) {
            RateLimitedException e = catchThrowableOfType(() -> c.getSession(session), RateLimitedException.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.requestId()).startsWith("rq_");
            assertThat(e.messages()).isNotEmpty();
            assertThat(e.getMessage()).contains("Retry-After", "120 s");
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void backoffGrowsWhenTheServerNamesNoWait() {
        emulator().faults().inject("/v2/session", Fault.status(503).times(2));
        long start = System.nanoTime();
        try (LoginRocketClient c = client(RetryPolicy.builder().initialBackoff(Duration.ofMillis(200)).build())) {
            assertThat(c.getSession(session).isFullLogin()).isTrue();
        }
        // at least half of 200 ms, then half of 400 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(3);
    }

    @Test
    void interruptDuringTheWaitThrowsTheFailureAndKeepsTheFlag() throws Exception {
        emulator().faults().inject("/v2/session", Fault.status(503));
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (LoginRocketClient c = client(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxWait(Duration.ofSeconds(10)).build())) {
            CompletableFuture<LoginRocketException> failure = CompletableFuture.supplyAsync(() -> {
                worker.set(Thread.currentThread());
                try {
                    c.getSession(session);
                    return null;
                } catch (LoginRocketException e) {
                    stillInterrupted.set(Thread.interrupted());
                    return e;
                }
            });
            while (emulator().requestCount("/v2/session") < 1) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            worker.get().interrupt();
            assertThat(failure.get(2, TimeUnit.SECONDS)).isInstanceOf(ServerException.class);
            assertThat(stillInterrupted).isTrue();
        }
        assertThat(emulator().requestCount("/v2/session")).isEqualTo(1);
    }
}
