package io.github.lrjakarta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the demo on free ports and walks it as a browser would, over plain HTTP with redirects
 * followed by hand so that every hop (login redirect, token intake, URL stripping, cookie, logout)
 * is checked.
 */
class DemoTest {

    private static final String DANA = "dana@example.org";
    private static final String SAM = "sam@example.org";

    private static Demo demo;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        demo = Demo.start(DemoOptions.freePorts());
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void pageAndApiAreServedAnonymously() throws Exception {
        HttpResponse<String> page = get(demo.appUrl() + "/", "text/html", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>LoginRocket for Jakarta EE", "src=\"app.js\"");

        HttpResponse<String> config = get(demo.appUrl() + "/config.js", "*/*", null, null);
        assertThat(config.body()).startsWith("window.DEMO = {")
                .contains("\"emulator\":\"" + demo.emulatorUrl() + "\"", "\"partner\":\"" + demo.partnerUrl() + "\"",
                        DANA, "correct-horse-battery");

        assertThat(get(demo.appUrl() + "/app.js", "*/*", null, null).statusCode()).isEqualTo(200);
        assertThat(get(demo.appUrl() + "/api/hello", "application/json", null, null).body())
                .isEqualTo("{\"greeting\":\"Hello, guest\",\"loggedIn\":false}");

        HttpResponse<String> me = get(demo.appUrl() + "/api/me", "application/json", null, null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(me.body()).contains("\"result\":\"error\"");
    }

    @Test
    void loginRoundTripShowsProfileOrgAndPermissionsThenLogoutEndsTheSession() throws Exception {
        String cookie = logIn(DANA, "correct-horse-battery");

        HttpResponse<String> me = get(demo.appUrl() + "/api/me", "application/json", cookie, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"dana@example.org\"", "\"name\":\"Dana Rivera\"",
                "\"username\":\"DanaR\"", "\"org\":{", "\"name\":\"Rivera Labs\"", "\"permissions\":[\"admin\"]",
                "\"realm\":\"rl_sample0000000000000001\"");
        assertThat(me.body()).doesNotContain(cookie.substring(cookie.indexOf('=') + 1));

        assertThat(get(demo.appUrl() + "/api/hello", "application/json", cookie, null).body())
                .isEqualTo("{\"greeting\":\"Hello, Dana Rivera\",\"loggedIn\":true}");
        HttpResponse<String> report = get(demo.appUrl() + "/api/admin/report", "application/json", cookie, null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Admin report for Rivera Labs");
        assertThat(get(demo.appUrl() + "/api/session", "application/json", cookie, null).body())
                .contains("\"active\":true", "\"result\":\"FULL_LOGIN\"");

        // "Log out", a link on the demo's page (so the browser sends Sec-Fetch-Site: same-origin): the
        // filter ends the LoginRocket session, clears the cookie and goes home.
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(demo.appUrl() + "/logout"))
                .header("Accept", "text/html")
                .header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin"));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(logout.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("loginrocket_token=;").containsIgnoringCase("Max-Age=0"));
        // The browser has dropped the cookie. A replayed token is still well-signed, but the filter saw the
        // logout and refuses the session's tokens.
        assertThat(get(demo.appUrl() + "/api/session", "application/json", cookie, null).statusCode()).isEqualTo(401);
        assertThat(get(demo.appUrl() + "/api/me", "application/json", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void memberWithoutTheAdminPermissionIsRefusedTheReport() throws Exception {
        String cookie = logIn(SAM, "sam-password-123");

        assertThat(get(demo.appUrl() + "/api/me", "application/json", cookie, null).body())
                .contains("\"email\":\"sam@example.org\"", "\"name\":\"Kim Consulting\"", "\"permissions\":[\"read\"]");
        HttpResponse<String> report = get(demo.appUrl() + "/api/admin/report", "application/json", cookie, null);
        assertThat(report.statusCode()).isEqualTo(403);
        assertThat(report.body()).contains("\"result\":\"error\"");
        assertThat(get(demo.appUrl() + "/api/admin/report", "application/json", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void corsLetsThePartnerOriginReadWithCredentialsAndNoOtherOrigin() throws Exception {
        String cookie = logIn(DANA, "correct-horse-battery");

        HttpResponse<String> allowed = get(demo.appUrl() + "/api/me", "application/json", cookie, demo.partnerUrl());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(demo.partnerUrl());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(String.join(",", allowed.headers().allValues("Vary"))).contains("Origin");

        HttpResponse<String> other = get(demo.appUrl() + "/api/me", "application/json", cookie, demo.blockedPartnerUrl());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(demo.appUrl() + "/api/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", demo.partnerUrl())
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept-language"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(demo.partnerUrl());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(demo.appUrl() + "/api/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", demo.blockedPartnerUrl())
                .header("Access-Control-Request-Method", "GET"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        for (String origin : List.of(demo.partnerUrl(), demo.blockedPartnerUrl())) {
            HttpResponse<String> partnerPage = get(origin + "/", "text/html", null, null);
            assertThat(partnerPage.statusCode()).isEqualTo(200);
            assertThat(partnerPage.body()).contains("Partner site", "partner.js");
        }
    }

    @Test
    void bothOriginsServeTheOneSharedStylesheetNextToTheirOwnFiles() throws Exception {
        HttpResponse<String> app = get(demo.appUrl() + "/style.css", "text/css", null, null);
        HttpResponse<String> partner = get(demo.partnerUrl() + "/style.css", "text/css", null, null);
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(app.body()).contains("body");
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.body()).isEqualTo(app.body());
        // each origin still serves only its own page script
        assertThat(get(demo.partnerUrl() + "/partner.js", "*/*", null, null).statusCode()).isEqualTo(200);
        assertThat(get(demo.partnerUrl() + "/app.js", "*/*", null, null).statusCode()).isEqualTo(404);
        assertThat(get(demo.appUrl() + "/partner.js", "*/*", null, null).statusCode()).isEqualTo(404);
    }

    /**
     * The browser's login: "Log in" ({@code /signin}) → LoginRocket's login page (the filter keeps
     * a login state in a cookie and in the way back) → form post → back with {@code ?token=} →
     * the filter checks the state, sets its cookie and strips the URL → home.
     *
     * @return the {@code Cookie} header value for the application
     */
    private static String logIn(String email, String password) throws Exception {
        String signin = demo.appUrl() + "/signin";
        HttpResponse<String> toLogin = get(signin, "text/html", null, null);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String loginPage = location(toLogin);
        String loginPrefix = demo.emulatorUrl() + "/login?redirect_uri=";
        assertThat(loginPage).startsWith(loginPrefix);
        String returnUrl = URLDecoder.decode(loginPage.substring(loginPrefix.length()), StandardCharsets.UTF_8);
        assertThat(returnUrl).startsWith(signin + "?lr_state=");
        String state = cookie(toLogin, "loginrocket_state");

        HttpResponse<String> form = get(loginPage, "text/html", null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"email\"", "id=\"password\"", "name=\"redirect_uri\"");

        String body = "email=" + encode(email) + "&password=" + encode(password) + "&redirect_uri=" + encode(returnUrl);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(demo.emulatorUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(posted.statusCode()).isEqualTo(303);
        String back = resolve(posted, location(posted));
        assertThat(back).startsWith(returnUrl + "&token=");

        HttpResponse<String> intake = get(back, "text/html", state, null);
        assertThat(intake.statusCode()).isEqualTo(303);
        assertThat(resolve(intake, location(intake))).isEqualTo(signin);
        String setCookie = setCookie(intake, "loginrocket_token");
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                // plain http to localhost: the one case without Secure
                .doesNotContainIgnoringCase("Secure");
        String cookie = cookie(intake, "loginrocket_token");

        HttpResponse<String> home = get(signin, "text/html", cookie, null);
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(resolve(home, location(home))).isEqualTo(demo.appUrl() + "/");
        return cookie;
    }

    /** The {@code Set-Cookie} header for {@code name}. */
    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    /** {@code name=value} of the cookie {@code name} the response sets, as a browser sends it back. */
    private static String cookie(HttpResponse<?> response, String name) {
        String header = setCookie(response, name);
        int semi = header.indexOf(';');
        return semi < 0 ? header : header.substring(0, semi);
    }

    private static HttpResponse<String> get(String url, String accept, String cookie, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        Optional.ofNullable(cookie).ifPresent(c -> b.header("Cookie", c));
        Optional.ofNullable(origin).ifPresent(o -> b.header("Origin", o));
        return send(b);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location from " + response.uri()));
    }

    private static String resolve(HttpResponse<?> response, String location) {
        return response.uri().resolve(location).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
