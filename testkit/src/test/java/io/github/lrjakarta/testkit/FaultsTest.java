package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LoginRocketEmulatorExtension.class)
class FaultsTest {

    final LoginRocketEmulator emulator;
    final Http http;

    FaultsTest(LoginRocketEmulator emulator) {
        this.emulator = emulator;
        this.http = new Http(emulator.url());
    }

    @BeforeEach
    void clean() {
        emulator.reset();
    }

    @Test
    void statusOnceThenNormal() {
        emulator.faults().inject("/v2/login", Fault.status(503).once());
        Http.Response failed = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().getString("result")).isEqualTo("error");
        assertThat(failed.header("X-Request-ID")).startsWith("rq_");
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);
        assertThat(emulator.faults().active()).isEmpty();
    }

    @Test
    void alwaysUntilClearedAndCountedTimes() {
        emulator.faults().inject("/connect/jwks", Fault.status(500));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/connect/jwks").status()).isEqualTo(500);
        }
        emulator.faults().clear("/connect/jwks");
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);

        emulator.faults().inject("/connect/jwks", Fault.status(502).times(2));
        assertThat(http.get("/connect/jwks").status()).isEqualTo(502);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(502);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);
    }

    @Test
    void exactPathWinsOverAllPaths() {
        emulator.faults().inject(Faults.ALL_PATHS, Fault.status(500)).inject("/v2/login", Fault.status(503).once());
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(503);
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(500);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(500);
        assertThat(http.send(Http.request(emulator.url() + "/_emulator/clock").GET().build()).status())
                .as("controls are never faulted").isEqualTo(200);
    }

    @Test
    void delayHoldsTheResponse() {
        emulator.faults().inject("/v2/session", Fault.delay(Duration.ofMillis(400)).once());
        String session = emulator.issueLogin("dana@example.org", null).sessionId();
        long start = System.nanoTime();
        Http.Response r = http.get("/v2/session?session=" + session);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsNotJson() {
        emulator.faults().inject("/v2/login", Fault.malformedBody().once());
        Http.Response r = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThatThrownBy(r::json).isInstanceOf(JsonException.class);
    }

    @Test
    void truncatedBodyBreaksTheConnectionMidway() {
        emulator.faults().inject("/connect/jwks", Fault.truncatedBody().once());
        assertThatThrownBy(() -> http.get("/connect/jwks")).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionGetsNoResponse() {
        emulator.faults().inject("/v2/login", Fault.dropConnection().once());
        assertThatThrownBy(() -> http.post("/v2/login", FidelityExamplesTest.DANA)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);
        assertThat(emulator.requestCount("/v2/login")).as("the dropped request was recorded").isEqualTo(2);
    }

    @Test
    void injectedRateLimitCarriesResetDate() {
        emulator.faults().inject("/v2/login", Fault.rateLimited(Duration.ofSeconds(90)).once());
        Http.Response r = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(r.status()).isEqualTo(429);
        ZonedDateTime reset = ZonedDateTime.parse(r.header("Ratelimit-Reset"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(emulator.clock().now(), reset.toInstant()).getSeconds()).isBetween(85L, 90L);
        assertThat(r.json().getString("error")).isEqualTo("Too many requests.");
    }

    @Test
    void faultHeadersOverrideDefaults() {
        emulator.faults().inject("/v2/login", Fault.status(503).header("Retry-After", "2").once())
                .inject("/connect/jwks", Fault.rateLimited(Duration.ofMinutes(5)).header("Ratelimit-Reset", "7").once());
        Http.Response unavailable = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("2");
        assertThat(http.get("/connect/jwks").header("Ratelimit-Reset")).isEqualTo("7");
    }

    @Test
    void arbitraryResponse() {
        emulator.faults().inject("/v2/login", Fault.response(200, "text/html", "<html>proxy login</html>").once());
        Http.Response r = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html");
        assertThat(r.body()).isEqualTo("<html>proxy login</html>");
    }

    @Test
    void invalidFaultsAreRefused() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(500).times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().inject("v2/login", Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noResponseHoldsTheRequestUntilTheClientGivesUp() {
        emulator.faults().inject("/connect/jwks", Fault.noResponse().once());
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.jwksUrl())).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(emulator.requestCount("/connect/jwks")).isEqualTo(1);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);
    }

    @Test
    void heldRequestsAreClosedUnansweredOnReset() throws IOException {
        emulator.faults().inject("/v2/login", Fault.noResponse());
        try (Socket held = rawRequest("POST", "/v2/login", FidelityExamplesTest.DANA)) {
            awaitRequests("/v2/login", 1);
            emulator.reset();
            assertThat(held.getInputStream().read()).as("closed without a byte of response").isEqualTo(-1);
        }
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);
    }

    @Test
    void heldRequestsTakeNoHandlerThread() throws IOException {
        emulator.faults().inject("/v2/session", Fault.noResponse());
        java.util.List<Socket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                held.add(rawRequest("GET", "/v2/session?session=kss_x", null));
            }
            awaitRequests("/v2/session", 40);
            assertThat(http.get("/connect/jwks").status()).as("more held requests than handler threads").isEqualTo(200);
        } finally {
            emulator.faults().clear();
            for (Socket s : held) {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
                s.close();
            }
        }
    }

    @Test
    void trickleSendsTheRealBodyAByteAtATime() throws IOException {
        String whole = http.get("/connect/jwks").body();
        emulator.faults().inject("/connect/jwks", Fault.trickle(Duration.ofMillis(1)).once());
        try (Socket socket = rawRequest("GET", "/connect/jwks", null)) {
            RawResponse r = RawResponse.read(socket.getInputStream());
            assertThat(r.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + whole.length());
            assertThat(r.body()).isEqualTo(whole);
            assertThat(r.reads()).as("reads that returned body bytes").isGreaterThan(whole.length() / 4);
        }
    }

    @Test
    void trickleEndsOnResetWithTheBodyIncomplete() throws IOException {
        emulator.faults().inject("/connect/jwks", Fault.trickle(Duration.ofHours(1)).once());
        try (Socket socket = rawRequest("GET", "/connect/jwks", null)) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            emulator.reset();
            assertThat(in.read()).as("closed before the first body byte").isEqualTo(-1);
        }
    }

    @Test
    void oversizedBodyIsValidJsonOfTheGivenSize() {
        emulator.faults().inject("/v2/session", Fault.oversizedBody(3_000_000).once());
        Http.Response r = http.get("/v2/session?session=kss_x");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.body()).hasSize(3_000_000);
        assertThat(r.json().getString("padding")).hasSize(3_000_000 - "{\"padding\":\"\"}".length());
    }

    @Test
    void wrongContentTypeKeepsTheRealBody() {
        emulator.faults().inject("/connect/jwks", Fault.wrongContentType("text/html; charset=utf-8").once());
        Http.Response r = http.get("/connect/jwks");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.json().getJsonArray("keys")).hasSize(1);
    }

    @Test
    void dropMidBodyEndsAChunkedBodyWithoutItsLastChunk() throws IOException {
        emulator.faults().inject("/connect/jwks", Fault.dropMidBody().once());
        try (Socket socket = rawRequest("GET", "/connect/jwks", null)) {
            RawResponse r = RawResponse.read(socket.getInputStream());
            assertThat(r.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            assertThat(r.body()).contains("\"keys\"").doesNotEndWith("0\r\n\r\n");
        }
        emulator.faults().inject("/v2/login", Fault.dropMidBody().once());
        assertThatThrownBy(() -> http.post("/v2/login", FidelityExamplesTest.DANA)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);
    }

    @Test
    void retryAfterOn503And429() {
        emulator.faults().inject("/v2/login", Fault.status(503).retryAfter(Duration.ofSeconds(3)).once())
                .inject("/v2/session", Fault.status(429).retryAfter(Duration.ofSeconds(4)).once());
        Http.Response unavailable = http.post("/v2/login", FidelityExamplesTest.DANA);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("3");
        Http.Response limited = http.get("/v2/session?session=kss_x");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("4");
        assertThat(limited.header("Ratelimit-Reset")).as("Retry-After alone").isNull();
        emulator.faults().inject("/v2/login", Fault.status(503).once());
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).header("Retry-After")).isNull();
    }

    @Test
    void newFaultsOverTheControlApi() {
        assertThat(http.post("/_emulator/faults", "{\"path\":\"/connect/jwks\",\"type\":\"wrong_content_type\","
                + "\"content_type\":\"text/plain\",\"times\":1}").status()).isEqualTo(200);
        assertThat(http.post("/_emulator/faults", "{\"path\":\"/v2/session\",\"type\":\"oversized_body\","
                + "\"size\":100000,\"times\":1}").status()).isEqualTo(200);
        for (String type : new String[] {"no_response", "drop_mid_body"}) {
            assertThat(http.post("/_emulator/faults", "{\"path\":\"/v2/logout\",\"type\":\"" + type + "\",\"times\":1}")
                    .status()).isEqualTo(200);
        }
        assertThat(http.post("/_emulator/faults", "{\"path\":\"/v2/logout\",\"type\":\"trickle\",\"interval\":\"PT1S\"}")
                .status()).isEqualTo(200);
        assertThat(emulator.faults().active().get("/v2/logout")).extracting(Fault::kind)
                .containsExactly(Fault.Kind.NO_RESPONSE, Fault.Kind.DROP_MID_BODY, Fault.Kind.TRICKLE);
        assertThat(http.get("/connect/jwks").header("Content-Type")).isEqualTo("text/plain");
        assertThat(http.get("/v2/session?session=kss_x").body()).hasSize(100_000);
        assertThat(http.post("/_emulator/faults", "{\"path\":\"/v2/logout\",\"type\":\"trickle\"}").status())
                .isEqualTo(400);
    }

    @Test
    void invalidNewFaultsAreRefused() {
        assertThatThrownBy(() -> Fault.trickle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.oversizedBody(15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(503).retryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusedUrlRefusesTheConnection() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(NetworkFaults.refusedUrl() + "/v2/login")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void blackHoleTimesTheConnectionOut() {
        try (NetworkFaults.BlackHole hole = NetworkFaults.blackHole()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(hole.url() + "/connect/jwks")).build();
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpConnectTimeoutException.class);
        }
    }

    /** Sends one HTTP/1.1 request on a new socket and returns the socket to read the answer from. */
    private Socket rawRequest(String method, String path, String json) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
        socket.setSoTimeout(10_000);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + body.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return socket;
    }

    /** Polls the recorded requests: a held request gives the test nothing else to wait on. */
    private void awaitRequests(String path, int count) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emulator.requestCount(path) < count) {
            assertThat(System.nanoTime()).as("%d requests to %s recorded", count, path).isLessThan(deadline);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** What arrived on a socket up to EOF: the head, the raw body bytes after it, and how many reads the body took. */
    private record RawResponse(String head, String body, int reads) {
        static RawResponse read(InputStream in) throws IOException {
            String head = readHead(in);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int reads = 0;
            try {
                for (int n; (n = in.read(buffer)) > 0; reads++) {
                    body.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // A dropped connection may end in a reset rather than an orderly close.
            }
            return new RawResponse(head, body.toString(StandardCharsets.UTF_8), reads);
        }
    }
}
