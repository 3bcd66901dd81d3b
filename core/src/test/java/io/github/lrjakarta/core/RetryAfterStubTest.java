package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Retry-After} honoured on 503 and 429. The testkit emulator signals waits only with
 * {@code Ratelimit-Reset} (as AuthRocket documents), so this one rule runs against a minimal JDK
 * HTTP server that answers scripted responses; everything else is tested against the emulator.
 */
class RetryAfterStubTest {

    private record Scripted(int status, String retryAfter, String body) {}

    private HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/session", exchange -> {
            hits.incrementAndGet();
            Scripted s;
            synchronized (script) {
                s = script.isEmpty() ? new Scripted(500, null, "{}") : script.poll();
            }
            byte[] body = s.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-ID", "rq_stub" + hits.get());
            if (s.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", s.retryAfter());
            }
            exchange.sendResponseHeaders(s.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LoginRocketClient client(Duration maxWait) {
        return LoginRocketClient.builder().url("http://127.0.0.1:" + server.getAddress().getPort())
                .allowInsecureLoopback(true).retryPolicy(RetryPolicy.builder().maxWait(maxWait).build()).build();
    }

    private static final String FULL = "{\"result\":\"full_login\",\"session\":\"kss_x\",\"account\":\"org_x\",\"token\":\"a.b.c\"}";

    @Test
    void unavailableWithRetryAfterSecondsWaitsThatLong() {
        script.add(new Scripted(503, "1", "{\"result\":\"error\",\"errors\":[\"Maintenance.\"]}"));
        script.add(new Scripted(200, null, FULL));
        long start = System.nanoTime();
        try (LoginRocketClient c = client(Duration.ofSeconds(5))) {
            LoginResult r = c.getSession("kss_x");
            assertThat(r.requestId()).isEqualTo("rq_stub2");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(hits).hasValue(2);
    }

    @Test
    void rateLimitedWithRetryAfterLongerThanMaxWaitIsThrownAtOnce() {
        script.add(new Scripted(429, "120", "{\"result\":\"error\",\"errors\":[\"Too many requests.\"]}"));
        script.add(new Scripted(200, null, FULL));
        try (LoginRocketClient c = client(Duration.ofSeconds(5))) {
            RateLimitedException e = catchThrowableOfType(() -> c.getSession("kss_x"), RateLimitedException.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.requestId()).isEqualTo("rq_stub1");
            assertThat(e.messages()).containsExactly("Too many requests.");
            assertThat(e.getMessage()).contains("Retry-After", "120 s");
        }
        assertThat(hits).hasValue(1);
    }
}
