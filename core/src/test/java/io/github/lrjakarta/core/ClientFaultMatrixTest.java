package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.Faults;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.github.lrjakarta.testkit.NetworkFaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client call and the key-set fetch under every failure LoginRocket or the network can show
 * (issue 10 §2): each ends in its typed exception (for the key set: a {@link TokenFailure#KEYS_UNAVAILABLE}
 * verification, since the verifier never throws) before the configured timeouts plus one second,
 * carries LoginRocket's request id whenever a response arrived, and puts no password, token or
 * session id into its message or into a log record.
 *
 * <p>One attempt per cell ({@link RetryPolicy#none()}) and a fresh client per cell, so that neither
 * retries nor a rate-limit pause learned in one cell blur another; the last tests show that the
 * default retry policy stays bounded too.
 */
class ClientFaultMatrixTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR = LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    /** The configured timeouts of one attempt plus the one second the issue allows. */
    private static final Duration ONE_ATTEMPT_BOUND = CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT).plusSeconds(1);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    // What the calls send: none of it may come back in a message or a log line.
    private static final String PASSWORD = "Fault-Matrix-Passphrase-42";
    private static final String NEW_PASSWORD = "Fault-Matrix-NewPassphrase-43";
    private static final String SESSION = "kss_FaultMatrixSecretSession0042";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfZmF1bHQifQ.FaultMatrixSecretSignature0042";
    private static final List<String> SECRETS = List.of(PASSWORD, NEW_PASSWORD, SESSION, TOKEN, "FaultMatrixSecretSignature0042");

    /** The 11 calls of the client, each with the path its fault is injected on. */
    enum Call {
        LOGIN(c -> c.login("dana@example.org", PASSWORD)),
        VERIFY_LOGIN(c -> c.verifyLogin(TOKEN, "123456")),
        GET_SESSION(c -> c.getSession(SESSION)),
        LOGOUT(c -> c.logout(SESSION)),
        FORGOT_PASSWORD(c -> c.forgotPassword("dana@example.org")),
        RESET_PASSWORD(c -> c.resetPassword(ResetPasswordRequest.builder().token(TOKEN).password(NEW_PASSWORD)
                .passwordConfirmation(NEW_PASSWORD).build())),
        UPDATE_PASSWORD(c -> c.updatePassword(UpdatePasswordRequest.builder().sessionId(SESSION)
                .currentPassword(PASSWORD).password(NEW_PASSWORD).passwordConfirmation(NEW_PASSWORD).build())),
        UPDATE_PROFILE(c -> c.updateProfile(UpdateProfileRequest.builder().sessionId(SESSION).firstName("Dana").build())),
        REQUEST_INVITATION(c -> c.requestInvitation("newcomer@example.org")),
        SIGNUP(c -> c.signup(SignupRequest.builder().email("newcomer@example.org").password(PASSWORD).build())),
        VERIFY_EMAIL(c -> c.verifyEmail(TOKEN));

        final Consumer<LoginRocketClient> invoke;

        Call(Consumer<LoginRocketClient> invoke) {
            this.invoke = invoke;
        }
    }

    /** A failure, how it is produced, and what the caller must get. */
    enum Failure {
        CONNECTION_REFUSED(null, TransportException.class, false),
        CONNECT_TIMEOUT(null, TransportException.class, false),
        NO_RESPONSE(Fault.noResponse(), TransportException.class, false),
        CONNECTION_CLOSED_WITHOUT_RESPONSE(Fault.dropConnection(), TransportException.class, false),
        BODY_TRICKLES(Fault.trickle(Duration.ofMillis(100)), TransportException.class, true),
        STATUS_500(Fault.status(500), ServerException.class, true),
        STATUS_502(Fault.status(502), ServerException.class, true),
        STATUS_503(Fault.status(503), ServerException.class, true),
        STATUS_503_RETRY_AFTER(Fault.status(503).retryAfter(Duration.ofSeconds(2)), ServerException.class, true),
        STATUS_429_RETRY_AFTER(Fault.status(429).retryAfter(Duration.ofSeconds(30)), RateLimitedException.class, true),
        STATUS_429_RATELIMIT_RESET(Fault.rateLimited(Duration.ofSeconds(30)), RateLimitedException.class, true),
        MALFORMED_JSON(Fault.malformedBody(), ProtocolException.class, true),
        JSON_CUT_SHORT(Fault.response(200, "application/json", "{\"result\":\"full_login\",\"session\":\"kss_"),
                ProtocolException.class, true),
        BODY_SHORTER_THAN_CONTENT_LENGTH(Fault.truncatedBody(), TransportException.class, true),
        OVERSIZED_BODY(Fault.oversizedBody(4L * MAX_RESPONSE_BYTES), ProtocolException.class, true),
        WRONG_CONTENT_TYPE(Fault.response(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>"),
                ProtocolException.class, true),
        CONNECTION_DROPPED_MID_BODY(Fault.dropMidBody(), TransportException.class, true);

        final Fault fault;
        final Class<? extends LoginRocketException> expected;
        final boolean responseArrives;

        Failure(Fault fault, Class<? extends LoginRocketException> expected, boolean responseArrives) {
            this.fault = fault;
            this.expected = expected;
            this.responseArrives = responseArrives;
        }
    }

    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Logger libraryLogger = Logger.getLogger("io.github.lrjakarta");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        previousLevel = libraryLogger.getLevel();
        libraryLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        libraryLogger.addHandler(capture);
    }

    @AfterEach
    void restoreLogs() throws Exception {
        libraryLogger.removeHandler(capture);
        libraryLogger.setLevel(previousLevel);
        LR.emulator().faults().clear(); // also closes connections held by NO_RESPONSE
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Call.values())
                .flatMap(call -> Arrays.stream(Failure.values()).map(failure -> Arguments.of(call, failure)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cells")
    void everyCallEndsInItsTypedExceptionInTime(Call call, Failure failure) {
        String url = endpointFor(failure, LR.emulator().url());
        LoginRocketClient client = closeLater(LoginRocketClient.builder()
                .url(url)
                .allowInsecureLoopback(true)
                .connectTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .maxResponseBytes(MAX_RESPONSE_BYTES)
                .retryPolicy(RetryPolicy.none())
                .build());

        Throwable thrown = assertTimeoutPreemptively(ONE_ATTEMPT_BOUND, () -> catchThrowable(() -> call.invoke.accept(client)));

        assertThat(thrown).as("%s under %s", call, failure).isInstanceOf(failure.expected);
        LoginRocketException e = (LoginRocketException) thrown;
        if (failure.responseArrives) {
            assertThat(e.requestId()).as("request id").isNotNull().matches(REQUEST_ID);
            assertThat(e.getMessage()).contains(e.requestId());
        } else {
            assertThat(e.requestId()).isNull();
        }
        if (e instanceof RateLimitedException limited) {
            assertThat(limited.retryAfter()).as("the wait LoginRocket asked for").isPresent();
        }
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    @ParameterizedTest(name = "key-set fetch under {0}")
    @MethodSource("keySetFailures")
    void theKeySetFetchEndsInKeysUnavailableInTime(Failure failure) {
        LoginRocketEmulator emulator = LR.emulator();
        String token = emulator.issueToken("dana@example.org"); // signed locally, no HTTP
        String base = endpointFor(failure, emulator.url());
        LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
                .jwksUri(java.net.URI.create(base + "/connect/jwks"))
                .allowInsecureLoopback(true)
                .keyFetchTimeout(RESPONSE_TIMEOUT)
                .build();

        TokenVerification v = assertTimeoutPreemptively(ONE_ATTEMPT_BOUND, () -> verifier.verify(token));

        assertThat(v.isValid()).isFalse();
        assertThat(v.failure()).as("%s", v).isEqualTo(TokenFailure.KEYS_UNAVAILABLE);
        assertThat(v.detail()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        for (LogRecord r : logged) {
            assertThat(render(r)).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    static Stream<Failure> keySetFailures() {
        return Arrays.stream(Failure.values());
    }

    /** The default policy retries a GET after a 503 that names a wait, and still ends within its bounds. */
    @Test
    void theDefaultRetryPolicyStaysBounded() {
        LR.emulator().faults().inject("/v2/session", Fault.status(503).retryAfter(Duration.ofSeconds(1)));
        LoginRocketClient client = closeLater(LoginRocketClient.builder()
                .url(LR.emulator().url())
                .allowInsecureLoopback(true)
                .connectTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build());
        RetryPolicy policy = RetryPolicy.defaults();
        // every attempt may use its timeouts, every pause between attempts at most maxWait
        Duration bound = CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT).multipliedBy(policy.maxAttempts())
                .plus(policy.maxWait().multipliedBy(policy.maxAttempts() - 1)).plusSeconds(1);

        Throwable thrown = assertTimeoutPreemptively(bound, () -> catchThrowable(() -> client.getSession(SESSION)));

        assertThat(thrown).isInstanceOf(ServerException.class);
        assertThat(LR.emulator().requestCount("/v2/session")).isEqualTo(policy.maxAttempts());
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    /** The same when LoginRocket does not answer at all: every attempt ends at the response timeout. */
    @Test
    void theDefaultRetryPolicyStaysBoundedWithoutAnswers() {
        LR.emulator().faults().inject(Faults.ALL_PATHS, Fault.noResponse());
        LoginRocketClient client = closeLater(LoginRocketClient.builder()
                .url(LR.emulator().url())
                .allowInsecureLoopback(true)
                .connectTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build());
        RetryPolicy policy = RetryPolicy.defaults();
        Duration bound = CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT).multipliedBy(policy.maxAttempts())
                .plus(policy.maxWait().multipliedBy(policy.maxAttempts() - 1)).plusSeconds(1);

        Throwable thrown = assertTimeoutPreemptively(bound, () -> catchThrowable(() -> client.getSession(SESSION)));

        assertThat(thrown).isInstanceOf(TransportException.class);
        assertThat(LR.emulator().requestCount("/v2/session")).isBetween(1, policy.maxAttempts());
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    /** The URL to call: a refused port, a black hole, or the emulator with the failure injected on every path. */
    private String endpointFor(Failure failure, String emulatorUrl) {
        switch (failure) {
            case CONNECTION_REFUSED:
                return NetworkFaults.refusedUrl();
            case CONNECT_TIMEOUT:
                NetworkFaults.BlackHole hole = NetworkFaults.blackHole();
                toClose.add(hole);
                return hole.url();
            default:
                LR.emulator().faults().inject(Faults.ALL_PATHS, failure.fault);
                return emulatorUrl;
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static void assertNoSecretIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : SECRETS) {
                assertThat(message).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            }
        }
    }

    private void assertNoSecretLogged() {
        for (LogRecord r : List.copyOf(logged)) {
            String text = render(r);
            for (String secret : SECRETS) {
                assertThat(text).as("log record %s", r.getMessage()).doesNotContain(secret);
            }
        }
    }

    private static String render(LogRecord r) {
        StringWriter out = new StringWriter();
        out.append(new java.util.logging.SimpleFormatter().formatMessage(r));
        if (r.getThrown() != null) {
            r.getThrown().printStackTrace(new PrintWriter(out));
        }
        return out.toString();
    }
}
