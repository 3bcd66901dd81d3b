package io.github.lrjakarta.cdi.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The extension next to the servlet filter, with the library's initializer (as in a WAR), and
 * deployments without loginrocket.url.
 */
class FilterAndDeploymentOnJettyTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sessionEstablishedByTheFilterFromItsCookieIsInjected() throws Exception {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JettyApp app = JettyApp.builder()
                        .contextParam("loginrocket.url", emulator.url())
                        .contextParam("loginrocket.allow-insecure-loopback", "true")
                        .filter()
                        .initializer()
                        .start()) {
            // No Authorization header: only the filter (reading its cookie) can know the user.
            HttpRequest request = HttpRequest.newBuilder(app.api().resolve("me"))
                    .header("Cookie", "loginrocket_token=" + emulator.issueToken("sam@example.org"))
                    .GET()
                    .build();
            HttpResponse<String> me = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).isEqualTo("{\"email\":\"sam@example.org\",\"org\":\"Kim Consulting\"}");
        }
    }

    @Test
    void filterInitParamsDoNotConfigureTheCdiBeans() throws Exception {
        // Init-params outrank context-params: were the extension to read them, its client would call port 9.
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JettyApp app = JettyApp.builder()
                        .contextParam("loginrocket.url", emulator.url())
                        .contextParam("loginrocket.allow-insecure-loopback", "true")
                        .filterInitParam("loginrocket.url", "http://127.0.0.1:9")
                        .initializer()
                        .start()) {
            HttpRequest login = HttpRequest.newBuilder(app.api().resolve("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=dana%40example.org&password="
                            + URLEncoder.encode("correct-horse-battery", StandardCharsets.UTF_8)))
                    .build();
            assertThat(http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(emulator.requestCount("/v2/login")).isEqualTo(1);
        }
    }

    @Test
    void enableLoginRocketAnnotationConfiguresTheCdiBeansToo() throws Exception {
        // The http URL is only acceptable with allow-insecure-loopback, which only the annotation sets.
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JettyApp app = JettyApp.builder()
                        .contextParam("loginrocket.url", emulator.url())
                        .initializer(AnnotatedShop.class)
                        .start()) {
            HttpRequest login = HttpRequest.newBuilder(app.api().resolve("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=dana%40example.org&password="
                            + URLEncoder.encode("correct-horse-battery", StandardCharsets.UTF_8)))
                    .build();
            assertThat(http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void annotationCountsWhenWeldsInitializerRunsBeforeOurs() throws Exception {
        // Weld's initializer fires @Initialized(ApplicationScoped.class) before ours has read the annotation.
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JettyApp app = JettyApp.builder()
                        .contextParam("loginrocket.url", emulator.url())
                        .weldInitializer()
                        .initializer(AnnotatedShop.class)
                        .start()) {
            HttpRequest me = HttpRequest.newBuilder(app.api().resolve("me"))
                    .header("Authorization", "Bearer " + emulator.issueToken("dana@example.org"))
                    .GET()
                    .build();
            assertThat(http.send(me, HttpResponse.BodyHandlers.ofString()).body())
                    .isEqualTo("{\"email\":\"dana@example.org\",\"org\":\"Rivera Labs\"}");
        }
    }

    @Test
    void missingUrlFailsTheDeploymentWhenWeldsInitializerRunsBeforeOurs() throws Exception {
        try (JettyApp app = JettyApp.builder().weldInitializer().initializer().build()) {
            assertThatThrownBy(app.server::start)
                    .hasStackTraceContaining("loginrocket.url is missing")
                    .hasStackTraceContaining("context-params of /shop 'loginrocket.url'");
        }
    }

    @Test
    void missingUrlFailsTheDeploymentWhenTheContextParamsAreKnownAtValidation() throws Exception {
        // The initializer runs before Weld boots here, so AfterDeploymentValidation sees the context-params.
        try (JettyApp app = JettyApp.builder().initializer().build()) {
            assertThatThrownBy(app.server::start)
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("loginrocket.url is missing")
                    .hasMessageContaining("context-params of /shop 'loginrocket.url'");
        }
    }

    @Test
    void missingUrlFailsTheDeploymentWhenTheContextParamsArriveAfterValidation() throws Exception {
        // No initializer: the check waits for the @Initialized(ApplicationScoped.class) event.
        try (JettyApp app = JettyApp.builder().contextParam("loginrocket.allow-insecure-loopback", "true").build()) {
            assertThatThrownBy(app.server::start)
                    .isInstanceOf(LoginRocketConfigException.class)
                    .hasMessageContaining("loginrocket.url is missing")
                    .hasMessageContaining("context-params of /shop 'loginrocket.url'");
        }
    }
}
