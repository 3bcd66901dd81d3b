package io.github.lrjakarta.cdi.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension in a servlet container as users run it: Jetty 12 (ee10), Weld servlet, Jersey,
 * configured through web.xml-style context-params, without the servlet filter (sessions come from
 * bearer tokens) and without the library's initializer: the context-params reach the CDI beans
 * through the {@code @Initialized(ApplicationScoped.class)} event.
 */
class JaxRsOnJettyTest {

    static LoginRocketEmulator emulator;
    static JettyApp app;
    static URI api;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        emulator = LoginRocketEmulator.start();
        app = JettyApp.builder()
                .contextParam("loginrocket.url", emulator.url())
                .contextParam("loginrocket.allow-insecure-loopback", "true")
                .start();
        api = app.api();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        emulator.close();
    }

    @Test
    void loginThroughTheInjectedClientThenTheSessionResourceSeesTheUser() throws Exception {
        HttpResponse<String> login = post("login", "email=dana%40example.org&password="
                + URLEncoder.encode("correct-horse-battery", StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(200);
        String token = login.body();

        HttpResponse<String> me = get("me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"email\":\"dana@example.org\",\"org\":\"Rivera Labs\"}");
    }

    @Test
    void withoutTokenTheSessionResourceAnswers401InTheLoginRocketErrorShape() throws Exception {
        HttpResponse<String> me = get("me", null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(me.body()).isEqualTo("{\"result\":\"error\",\"error\":\"Login required.\",\"errors\":[\"Login required.\"]}");
    }

    @Test
    void invalidTokenIsTreatedAsNoLogin() throws Exception {
        assertThat(get("me", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void permissionIsCheckedAgainstTheSelectedMembership() throws Exception {
        HttpResponse<String> dana = get("admin", emulator.issueToken("dana@example.org"));
        assertThat(dana.statusCode()).isEqualTo(200);
        assertThat(dana.body()).isEqualTo("admin " + emulator.userId("dana@example.org"));

        HttpResponse<String> sam = get("admin", emulator.issueToken("sam@example.org"));
        assertThat(sam.statusCode()).isEqualTo(403);
        assertThat(sam.body()).contains("\"error\":\"Permission 'admin' required.\"");

        assertThat(get("admin", null).statusCode()).isEqualTo(401);
    }

    @Test
    void loginForwardsTheBrowsersAgentAndLanguage() throws Exception {
        emulator.clearRequests();
        HttpRequest request = HttpRequest.newBuilder(api.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Mozilla/5.0 (Test) Gecko/20100101 Firefox/140.0")
                .header("Accept-Language", "ja")
                .POST(HttpRequest.BodyPublishers.ofString("email=sam%40example.org&password=sam-password-123"))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        RecordedRequest login = emulator.requests().stream()
                .filter(r -> r.path().equals("/v2/login"))
                .findFirst()
                .orElseThrow();
        assertThat(login.header("User-Agent")).contains("Mozilla/5.0 (Test) Gecko/20100101 Firefox/140.0");
        assertThat(login.header("Accept-Language")).hasValueSatisfying(v -> assertThat(v).startsWith("ja"));
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
