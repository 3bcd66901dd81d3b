package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.github.lrjakarta.testkit.RateLimit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every exception type, produced by the emulator's real behaviour or its fault injection. */
class ClientErrorsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    /**
     * No retries, so that each fault shows exactly once; one client per test, so that the rate-limit
     * back-off one test provokes does not refuse the next test's calls.
     */
    private static LoginRocketClient client;

    @BeforeEach
    void startClient() {
        client = clientFor(LR.emulator()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    private static <T extends LoginRocketException> T loginFails(Class<T> type) {
        return catchThrowableOfType(() -> client.login(DANA, DANA_PASSWORD), type);
    }

    private static void assertNoSecrets(LoginRocketException e) {
        assertThat(e.getMessage()).doesNotContain(DANA_PASSWORD).doesNotContain("kss_").doesNotContain("eyJ");
    }

    @Test
    void wrongPasswordIsAValidationErrorWithLoginRocketsMessages() {
        ValidationException e = catchThrowableOfType(() -> client.login(DANA, "nope-nope-nope"), ValidationException.class);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.messages()).isNotEmpty();
        assertThat(e.getMessage()).contains("POST /v2/login", "422", e.requestId(), e.messages().get(0));
        assertThat(e.getMessage()).doesNotContain("nope-nope-nope");
    }

    @Test
    void conflictIsAValidationErrorToo() {
        emulator().faults().inject("/v2/signup", Fault.status(409).once());
        ValidationException e = catchThrowableOfType(() -> client.signup(
                SignupRequest.builder().email("x@example.org").password("long-enough-pass").build()),
                ValidationException.class);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.messages()).isNotEmpty();
    }

    @Test
    void duplicateSignupIsRejectedInTheCallersLanguage() {
        ValidationException e = catchThrowableOfType(() -> client.signup(
                SignupRequest.builder().email(DANA).password("long-enough-pass").build(),
                CallOptions.builder().locale(Locale.JAPANESE).build()), ValidationException.class);
        assertThat(e.status()).isEqualTo(422);
        assertThat(String.join("", e.messages())).matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
    }

    @Test
    void unknownSessionIsAccessDenied() {
        String forged = "kss_0000000000000000000000";
        AccessDeniedException e = catchThrowableOfType(() -> client.getSession(forged), AccessDeniedException.class);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.getMessage()).contains("log in again").doesNotContain(forged);
    }

    @Test
    void wrongBasePathIsNotFound() {
        try (LoginRocketClient c = LoginRocketClient.builder().url(emulator().url() + "/nowhere")
                .allowInsecureLoopback(true).build()) {
            NotFoundException e = catchThrowableOfType(() -> c.login(DANA, DANA_PASSWORD), NotFoundException.class);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.requestId()).matches(REQUEST_ID);
            assertThat(e.getMessage()).contains("POST /nowhere/v2/login", "loginrocket.url");
        }
    }

    @Test
    void rateLimitCarriesTheWaitFromRatelimitReset() {
        emulator().faults().inject("/v2/login", Fault.rateLimited(Duration.ofSeconds(30)).once());
        RateLimitedException e = loginFails(RateLimitedException.class);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.requestId()).matches(REQUEST_ID);
        // Ratelimit-Reset is an HTTP-date: whole seconds
        assertThat(e.retryAfter()).get().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30)));
        assertThat(e.getMessage()).contains("Ratelimit-Reset");
        assertNoSecrets(e);
    }

    @Test
    void realmRateLimitIsSurfacedAsItsOwnException() {
        emulator().rateLimit("/v2/password/forgot", RateLimit.of(1, Duration.ofMinutes(1)));
        try {
            client.forgotPassword(DANA);
            RateLimitedException e = catchThrowableOfType(() -> client.forgotPassword(DANA), RateLimitedException.class);
            assertThat(e.retryAfter()).get().satisfies(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        } finally {
            emulator().removeRateLimit("/v2/password/forgot");
        }
    }

    @Test
    void serverErrors() {
        emulator().faults().inject("/v2/login", Fault.status(500).once());
        ServerException e = loginFails(ServerException.class);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.getMessage()).contains("Try again later");

        emulator().faults().inject("/v2/login", Fault.response(502, "text/html", "<html>Bad Gateway</html>").once());
        ServerException proxy = loginFails(ServerException.class);
        assertThat(proxy.status()).isEqualTo(502);
        assertThat(proxy.messages()).isEmpty();
    }

    @Test
    void otherClientErrors() {
        emulator().faults().inject("/v2/login", Fault.status(400).once());
        ClientErrorException e = loginFails(ClientErrorException.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.messages()).isNotEmpty();

        emulator().faults().inject("/v2/login", Fault.status(415).once());
        assertThat(loginFails(ClientErrorException.class).status()).isEqualTo(415);
    }

    @Test
    void controlCharactersInServerMessagesCannotForgeLogLines() {
        emulator().faults().inject("/v2/login", Fault.response(422, "application/json",
                "{\"result\":\"error\",\"errors\":[\"Contraseña incorrecta.\\r\\nINFO forged line\"]}").once());
        ValidationException e = loginFails(ValidationException.class);
        assertThat(e.messages()).containsExactly("Contraseña incorrecta. INFO forged line");
        assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("Contraseña incorrecta.");
    }

    @Test
    void malformedJsonIsAProtocolError() {
        emulator().faults().inject("/v2/login", Fault.malformedBody().once());
        ProtocolException e = loginFails(ProtocolException.class);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.getMessage()).contains("not a JSON object");
        assertNoSecrets(e);
    }

    @Test
    void wrongContentTypeIsAProtocolError() {
        emulator().faults().inject("/v2/login", Fault.response(200, "text/html; charset=utf-8",
                "<!doctype html><title>Sign in</title>").once());
        ProtocolException e = loginFails(ProtocolException.class);
        assertThat(e.getMessage()).contains("text/html", "loginrocket.url");
    }

    @Test
    void unknownOrMissingResultIsAProtocolError() {
        emulator().faults().inject("/v2/login", Fault.response(200, "application/json",
                "{\"result\":\"quantum_login\"}").once());
        assertThat(loginFails(ProtocolException.class).getMessage()).contains("quantum_login");
        emulator().faults().inject("/v2/login", Fault.response(200, "application/json", "{\"ok\":true}").once());
        assertThat(loginFails(ProtocolException.class).getMessage()).contains("'result'");
    }

    @Test
    void deeplyNestedJsonIsAProtocolErrorNotABareRuntimeException() {
        // Parsson reports its nesting limit as a plain RuntimeException, not a JsonException
        String deep = "{\"result\":\"okay\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        emulator().faults().inject("/v2/login", Fault.response(200, "application/json", deep).once());
        assertThat(loginFails(ProtocolException.class).getMessage()).contains("not a JSON object");
        emulator().faults().inject("/v2/login", Fault.response(422, "application/json", deep).once());
        assertThat(loginFails(ProtocolException.class).status()).isEqualTo(422);
        emulator().faults().inject("/v2/login", Fault.response(500, "application/json", deep).once());
        assertThat(loginFails(ServerException.class).status()).isEqualTo(500);
    }

    @Test
    void oversizedBodyIsAProtocolErrorAndTheClientStaysUsable() {
        try (LoginRocketClient small = clientFor(emulator()).retryPolicy(RetryPolicy.none()).maxResponseBytes(4096)
                .maxConnections(1).build()) {
            String huge = "{\"result\":\"okay\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            emulator().faults().inject("/v2/login", Fault.response(200, "application/json", huge).once());
            long start = System.nanoTime();
            ProtocolException e = catchThrowableOfType(() -> small.login(DANA, DANA_PASSWORD), ProtocolException.class);
            assertThat(e.getMessage()).contains("maxResponseBytes (4096 bytes)");
            assertThat(e.requestId()).matches(REQUEST_ID);
            // the one pooled connection was dropped, not drained; the next call gets a fresh one
            assertThat(small.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void droppedConnectionIsATransportError() {
        emulator().faults().inject("/v2/login", Fault.dropConnection().once());
        TransportException e = loginFails(TransportException.class);
        assertThat(e.status()).isZero();
        assertThat(e.requestId()).isNull();
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(e.getMessage()).contains("POST /v2/login");
    }

    @Test
    void truncatedBodyIsATransportErrorThatKeepsStatusAndRequestId() {
        emulator().faults().inject("/v2/login", Fault.truncatedBody().once());
        TransportException e = loginFails(TransportException.class);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.getMessage()).contains("broke while reading", e.requestId());
        assertNoSecrets(e);
    }

    @Test
    void slowAnswerTimesOut() {
        try (LoginRocketClient impatient = clientFor(emulator()).retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofMillis(300)).build()) {
            emulator().faults().inject("/v2/login", Fault.delay(Duration.ofMillis(1500)).once());
            TransportException e = catchThrowableOfType(() -> impatient.login(DANA, DANA_PASSWORD), TransportException.class);
            assertThat(e.getMessage()).contains("responseTimeout (300 ms)");
        }
    }

    @Test
    void tricklingBodyTimesOutInsteadOfHoldingTheThread() throws Exception {
        // A server (or proxy) that sends the headers, then one byte of body every 100 ms: never silent
        // for responseTimeout, yet the 2,000-byte body would take over 3 minutes.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LoginRocketClient impatient = LoginRocketClient.builder()
                        .url("http://127.0.0.1:" + server.getLocalPort()).allowInsecureLoopback(true)
                        .retryPolicy(RetryPolicy.none()).responseTimeout(Duration.ofMillis(500)).build()) {
            CompletableFuture<Void> trickler = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-ID: rq_trickle\r\n"
                            + "Content-Length: 2000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1999; i++) {
                        out.flush();
                        Thread.sleep(100);
                        out.write(' ');
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up and closed the connection
                }
            });
            long start = System.nanoTime();
            TransportException e = catchThrowableOfType(() -> impatient.login(DANA, DANA_PASSWORD),
                    TransportException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(e.getMessage()).contains("responseTimeout (500 ms)", "rq_trickle");
            assertNoSecrets(e);
            trickler.cancel(true);
        }
    }

    @Test
    void refusedConnectionIsATransportError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LoginRocketClient nobody = LoginRocketClient.builder().url("http://127.0.0.1:" + port)
                .allowInsecureLoopback(true).retryPolicy(RetryPolicy.none()).build()) {
            TransportException e = catchThrowableOfType(() -> nobody.login(DANA, DANA_PASSWORD), TransportException.class);
            assertThat(e.getMessage()).contains("connection refused", "http://127.0.0.1:" + port);
        }
    }

    /** Polls the emulator's recorded requests (not a clock) until {@code count} reached {@code path}. */
    private static void awaitRecorded(String path, int count) throws InterruptedException {
        for (int polls = 0; emulator().requestCount(path) < count; polls++) {
            if (polls == 1_000) {
                throw new AssertionError("the emulator never recorded " + count + " request(s) to " + path);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aResponseNamingTheTokenTwiceIsAProtocolError() {
        emulator().faults().inject("/v2/login", Fault.response(200, "application/json",
                "{\"result\":\"full_login\",\"session\":\"kss_1\",\"token\":\"a.b.c\",\"token\":\"d.e.f\"}").once());
        ProtocolException e = loginFails(ProtocolException.class);
        assertThat(e.getMessage()).contains("not a JSON object").doesNotContain("a.b.c").doesNotContain("d.e.f");
    }

    @Test
    void exhaustedPoolIsATransportErrorNamingTheSettings() throws Exception {
        try (LoginRocketClient one = clientFor(emulator()).retryPolicy(RetryPolicy.none()).maxConnections(1)
                .connectionRequestTimeout(Duration.ofMillis(200)).build()) {
            emulator().faults().inject("/v2/login", Fault.delay(Duration.ofSeconds(3)).once());
            CompletableFuture<LoginResult> slow = CompletableFuture.supplyAsync(() -> one.login(DANA, DANA_PASSWORD));
            // the emulator records a request before it delays it: once recorded, the slow login holds
            // the only pooled connection for the fault's 3 s, far beyond the 200 ms the next call waits
            awaitRecorded("/v2/login", 1);
            TransportException e = catchThrowableOfType(() -> one.forgotPassword(DANA), TransportException.class);
            assertThat(e.getMessage()).contains("connectionRequestTimeout (200 ms)", "maxConnections");
            assertThat(slow.get(5, TimeUnit.SECONDS).isFullLogin()).isTrue();
        }
    }
}
