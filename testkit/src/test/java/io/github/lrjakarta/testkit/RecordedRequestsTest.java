package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LoginRocketEmulatorExtension.class)
class RecordedRequestsTest {

    @BeforeEach
    void clean(LoginRocketEmulator emulator) {
        emulator.reset();
    }

    @Test
    void methodPathQueryHeadersAndBodyAreRecorded(LoginRocketEmulator emulator) {
        Http http = new Http(emulator.url());
        http.send(http.to("/v2/session?session=kss_x&account=org_y").header("Accept-Language", "es")
                .header("User-Agent", "MyApp/2").GET().build());
        http.post("/v2/login", FidelityExamplesTest.DANA);
        http.get("/connect/jwks");
        http.get("/connect/jwks");
        http.send(Http.request(emulator.url() + "/_emulator/clock").GET().build());

        List<RecordedRequest> requests = emulator.requests();
        assertThat(requests).extracting(RecordedRequest::toString)
                .containsExactly("GET /v2/session", "POST /v2/login", "GET /connect/jwks", "GET /connect/jwks");
        RecordedRequest session = requests.get(0);
        assertThat(session.queryParam("session")).contains("kss_x");
        assertThat(session.queryParam("account")).contains("org_y");
        assertThat(session.header("Accept-Language")).contains("es");
        assertThat(session.header("user-agent")).contains("MyApp/2");
        assertThat(session.headers()).containsKey("accept");
        RecordedRequest login = requests.get(1);
        assertThat(login.body()).isEqualTo(FidelityExamplesTest.DANA);
        assertThat(login.header("Content-Type")).contains("application/json");
        assertThat(login.toString()).doesNotContain("correct-horse-battery");

        assertThat(emulator.requestCount("/connect/jwks")).isEqualTo(2);
        assertThat(emulator.requestCount("/v2/login")).isEqualTo(1);
        assertThat(emulator.requestCount("/_emulator/clock")).isZero();
        assertThat(emulator.recordedRequests().all()).isEqualTo(requests);
        assertThat(emulator.recordedRequests().count("/v2/session")).isEqualTo(1);
        emulator.clearRequests();
        assertThat(emulator.requests()).isEmpty();
        assertThat(emulator.requestCount("/connect/jwks")).isZero();
        http.get("/connect/jwks");
        emulator.recordedRequests().clear();
        assertThat(emulator.requestCount("/connect/jwks")).isZero();
    }

    @Test
    void concurrentLoginsGetDistinctSessionsAndRequestIds(LoginRocketEmulator emulator) throws Exception {
        Http http = new Http(emulator.url());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> http.send(http.to("/v2/login").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(FidelityExamplesTest.DANA)).build())));
            }
            Set<String> sessions = new HashSet<>();
            Set<String> requestIds = new HashSet<>();
            for (Future<Http.Response> f : futures) {
                Http.Response r = f.get();
                assertThat(r.status()).isEqualTo(200);
                sessions.add(r.json().getString("session"));
                requestIds.add(r.header("X-Request-ID"));
            }
            assertThat(sessions).hasSize(64);
            assertThat(requestIds).hasSize(64);
            assertThat(emulator.requestCount("/v2/login")).isEqualTo(64);
        } finally {
            pool.shutdownNow();
        }
    }
}
