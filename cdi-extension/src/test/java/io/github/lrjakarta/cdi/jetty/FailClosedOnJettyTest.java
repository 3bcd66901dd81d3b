package io.github.lrjakarta.cdi.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CDI-only deployment (no servlet filter) while LoginRocket is down: a bearer token that cannot be
 * verified, because the key set cannot be fetched, is no login. Guarded resources answer 401, never 500,
 * and never let the caller in.
 */
class FailClosedOnJettyTest {

    static JettyApp app;
    static String token;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startWithLoginRocketDown() throws Exception {
        String url;
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start()) {
            url = emulator.url();
            token = emulator.issueToken("dana@example.org"); // a genuine token, signed by the key set now gone
        }
        app = JettyApp.builder()
                .contextParam("loginrocket.url", url)
                .contextParam("loginrocket.allow-insecure-loopback", "true")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.api().resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loginRequiredAnswers401() throws Exception {
        HttpResponse<String> response = get("guarded");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("hello").doesNotContain(token);
    }

    @Test
    void injectedSessionAnswers401() throws Exception {
        HttpResponse<String> response = get("me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("dana");
    }

    @Test
    void requiresPermissionAnswers401() throws Exception {
        assertThat(get("admin").statusCode()).isEqualTo(401);
    }
}
