package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import java.io.UncheckedIOException;
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
}
