package io.github.lrjakarta.cdi.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension next to the servlet filter, and a deployment without loginrocket.url. */
class FilterAndDeploymentOnJettyTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sessionEstablishedByTheFilterFromItsCookieIsInjected() throws Exception {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                JettyApp app = JettyApp.start(
                        Map.of("loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true"),
                        true)) {
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
    void missingUrlFailsTheDeploymentNamingTheContextParams() throws Exception {
        try (JettyApp app = JettyApp.create(Map.of("loginrocket.allow-insecure-loopback", "true"))) {
            assertThatThrownBy(app.server::start)
                    .isInstanceOf(LoginRocketConfigException.class)
                    .hasMessageContaining("loginrocket.url is missing")
                    .hasMessageContaining("context-params of /shop 'loginrocket.url'");
        }
    }
}
