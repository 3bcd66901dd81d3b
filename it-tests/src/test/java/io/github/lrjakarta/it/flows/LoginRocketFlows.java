package io.github.lrjakarta.it.flows;

import static io.github.lrjakarta.it.HttpDriver.cookieValue;
import static io.github.lrjakarta.it.HttpDriver.hasAttribute;
import static io.github.lrjakarta.it.HttpDriver.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.HttpDriver;
import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.app.ConsoleServlet;
import io.github.lrjakarta.it.app.SecureResource;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.SessionInfo;
import io.github.lrjakarta.testkit.TokenSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user of the library relies on, checked over HTTP against a WAR deployed in the current container: CORS,
 * a login through the injected client, {@code ?token=} intake, the session seen by JAX-RS and the servlet layer,
 * permissions, login-required paths and logout. Subclasses supply the WAR (one per way of configuring it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class LoginRocketFlows {

    static final String DANA = "dana@example.org";
    static final String DANA_PASSWORD = "correct-horse-battery";
    static final String SAM = "sam@example.org";
    static final String SAM_PASSWORD = "sam-password-123";
    static final String FOREIGN_ORIGIN = "http://evil.example";
    static final String COOKIE = "loginrocket_token";
    /** The login state: a cookie set by the login redirect, the same value in the redirect_uri's query. */
    static final String STATE_COOKIE = "loginrocket_state";
    static final String STATE_PARAMETER = "lr_state";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @ArquillianResource
    URL base;

    final HttpDriver http = new HttpDriver();

    /** An origin the WAR's configuration allows. */
    abstract String allowedOrigin();

    URI uri(String path) {
        return URI.create(base + path);
    }

    @Test
    void preflightFromTheConfiguredOriginIsAnsweredByTheFilter() {
        HttpResponse<String> response = http.send("OPTIONS", uri("api/secure/me"), null,
                "Origin", allowedOrigin(),
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        // answered although /api/secure/* requires a login: the filter handles preflights before anything else
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                m -> assertThat(m).contains("GET"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                h -> assertThat(h.toLowerCase()).contains("authorization"));
        assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Origin");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = http.send("OPTIONS", uri("api/secure/me"), null,
                "Origin", FOREIGN_ORIGIN,
                "Access-Control-Request-Method", "GET");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /**
     * A preflight comes with {@code Origin}; an {@code OPTIONS} without one is no preflight, whatever other CORS
     * header it carries, and must meet the login requirement like any other method: servlets that override {@code
     * service()} and JAX-RS {@code @OPTIONS} methods run protected code for it.
     */
    @Test
    void optionsWithoutOriginMeetsTheLoginRequirement() {
        for (String path : new String[] {"app/console", "api/secure/me"}) {
            HttpResponse<String> script = http.send("OPTIONS", uri(path), null,
                    "Access-Control-Request-Method", "GET", "Accept", "application/json");
            HttpResponse<String> browserLike = http.send("OPTIONS", uri(path), null,
                    "Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "authorization",
                    "Accept", HTML);

            for (HttpResponse<String> response : List.of(script, browserLike)) {
                assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("Bearer"));
                assertThat(response.body()).doesNotContain(ConsoleServlet.PROTECTED, SecureResource.OPTIONS_RAN);
            }
        }
    }

    @Test
    void optionsWithALoginReachesTheApplication() {
        String sam = login(SAM, SAM_PASSWORD);

        HttpResponse<String> console = http.send("OPTIONS", uri("app/console"), null,
                "Access-Control-Request-Method", "GET", "Authorization", "Bearer " + sam);
        HttpResponse<String> resource = http.send("OPTIONS", uri("api/secure/me"), null,
                "Access-Control-Request-Method", "GET", "Authorization", "Bearer " + sam);

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).isEqualTo(ConsoleServlet.PROTECTED + ItEmulator.get().userId(SAM));
        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.body()).isEqualTo(SecureResource.OPTIONS_RAN + SAM);
    }

    @Test
    void actualRequestFromTheConfiguredOriginMayReadTheResponse() {
        HttpResponse<String> allowed = http.get(uri("api/public/whoami"), "Origin", allowedOrigin());
        HttpResponse<String> foreign = http.get(uri("api/public/whoami"), "Origin", FOREIGN_ORIGIN);

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(allowedOrigin());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void loginThroughTheInjectedClientYieldsATokenAndRecordsTheUsersBrowser() {
        HttpResponse<String> response = http.postForm(uri("api/public/login"),
                Map.of("email", DANA, "password", DANA_PASSWORD),
                "User-Agent", "it-tests-browser/1.0");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = json(response.body());
        assertThat(body.getString("result")).isEqualTo("FULL_LOGIN");
        String token = body.getString("token");
        assertThat(TokenSigner.decodePayload(token).getString("email")).isEqualTo(DANA);
        SessionInfo session = ItEmulator.get().session(TokenSigner.decodePayload(token).getString("sid")).orElseThrow();
        assertThat(session.active()).isTrue();
        // the filter binds the browser's User-Agent while the request is served, the client forwards it
        assertThat(session.client()).contains("it-tests-browser/1.0");
    }

    @Test
    void wrongPasswordIsRefusedWithLoginRocketsMessage() {
        HttpResponse<String> response = http.postForm(uri("api/public/login"),
                Map.of("email", DANA, "password", "not-the-password"));

        // LoginRocket answers a failed login with 422 and a message; the resource passes both on
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response.body()).getJsonArray("messages").getString(0)).startsWith("Login failed");
    }

    @Test
    void tokenInTheUrlBecomesACookieAndLeavesTheUrlWhenThisBrowserStartedTheLogin() {
        // the login redirect: a state cookie for this browser, the same state in the way back
        HttpResponse<String> toLogin = http.get(uri("app/profile?tab=orgs"), "Accept", HTML);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String back = redirectUri(toLogin);
        assertThat(back).startsWith(base + "app/profile?tab=orgs&" + STATE_PARAMETER + "=");
        String stateCookie = setCookie(toLogin, STATE_COOKIE).orElseThrow();
        assertThat(cookieValue(stateCookie)).isEqualTo(back.substring(back.lastIndexOf('=') + 1));
        assertThat(hasAttribute(stateCookie, "HttpOnly")).isTrue();
        assertThat(hasAttribute(stateCookie, "SameSite=Lax")).isTrue();
        String token = login(DANA, DANA_PASSWORD);

        // LoginRocket Web sends the browser back with ?token= appended
        HttpResponse<String> intake = http.get(URI.create(back + "&token=" + token),
                "Accept", HTML, "Cookie", STATE_COOKIE + "=" + cookieValue(stateCookie));

        assertThat(intake.statusCode()).isEqualTo(303);
        String location = intake.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/app/profile?tab=orgs").doesNotContain("token", STATE_PARAMETER);
        String cookie = setCookie(intake, COOKIE).orElseThrow();
        assertThat(cookieValue(cookie)).isEqualTo(token);
        assertThat(hasAttribute(cookie, "HttpOnly")).isTrue();
        assertThat(hasAttribute(cookie, "SameSite=Lax")).isTrue();
        assertThat(hasAttribute(cookie, "Secure")).as("plain http on loopback: no Secure").isFalse();
        assertThat(intake.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(cookieValue(setCookie(intake, STATE_COOKIE).orElseThrow())).as("a state is good once").isEmpty();

        HttpResponse<String> page = http.get(URI.create(base.toString()).resolve(location),
                "Accept", HTML, "Cookie", COOKIE + "=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p id=\"user\">Dana Rivera</p>", "<p id=\"admin\">true</p>");
    }

    /** Login CSRF: a link with someone's token, opened by a browser that did not start a login here. */
    @Test
    void tokenInALinkIsNotTakenWithoutThisBrowsersLoginState() {
        String token = login(SAM, SAM_PASSWORD);
        String dana = login(DANA, DANA_PASSWORD);

        HttpResponse<String> fresh = http.get(uri("app/profile?token=" + token), "Accept", HTML);
        HttpResponse<String> loggedIn = http.get(uri("app/profile?token=" + token),
                "Accept", HTML, "Cookie", COOKIE + "=" + dana);
        HttpResponse<String> forgedState = http.get(uri("app/profile?token=" + token + "&" + STATE_PARAMETER + "=x"),
                "Accept", HTML, "Cookie", STATE_COOKIE + "=y");

        for (HttpResponse<String> response : List.of(fresh, loggedIn, forgedState)) {
            // the token still leaves the URL, but it is not taken
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/app/profile").doesNotContain(token));
            assertThat(setCookie(response, COOKIE)).isEmpty();
        }
    }

    @Test
    void theResourceSeesTheUserAndThePermissions() {
        String dana = login(DANA, DANA_PASSWORD);
        String sam = login(SAM, SAM_PASSWORD);

        JsonObject asDana = json(okBody(http.get(uri("api/secure/me"), "Cookie", COOKIE + "=" + dana)));
        JsonObject asSam = json(okBody(http.get(uri("api/secure/me"), "Authorization", "Bearer " + sam)));

        assertThat(asDana.getString("email")).isEqualTo(DANA);
        assertThat(asDana.getString("name")).isEqualTo("Dana Rivera");
        assertThat(asDana.getString("org")).isEqualTo("Rivera Labs");
        assertThat(asDana.getJsonArray("permissions").getString(0)).isEqualTo("admin");
        assertThat(asDana.getBoolean("sameSessionAsCurrent")).isTrue();
        assertThat(asDana.getString("remoteUser")).isEqualTo(asDana.getString("userId"));
        assertThat(asDana.getString("authType")).isEqualTo("LoginRocket");
        assertThat(asSam.getString("email")).isEqualTo(SAM);
        assertThat(asSam.getJsonArray("permissions").getString(0)).isEqualTo("read");
    }

    @Test
    void aMissingPermissionIsForbidden() {
        String dana = login(DANA, DANA_PASSWORD);
        String sam = login(SAM, SAM_PASSWORD);

        HttpResponse<String> asDana = http.get(uri("api/secure/admin"), "Authorization", "Bearer " + dana);
        HttpResponse<String> asSam = http.get(uri("api/secure/admin"), "Authorization", "Bearer " + sam);

        assertThat(asDana.statusCode()).isEqualTo(200);
        assertThat(asDana.body()).isEqualTo("admin area for " + DANA);
        assertThat(asSam.statusCode()).isEqualTo(403);
        assertThat(asSam.body()).doesNotContain("admin area");
    }

    @Test
    void loginRequiredPathsSendBrowsersToLoginAndRefuseScripts() {
        HttpResponse<String> browser = http.get(uri("app/profile?tab=orgs"), "Accept", HTML);
        HttpResponse<String> script = http.get(uri("api/secure/me"), "Accept", "application/json");
        HttpResponse<String> fetch = http.get(uri("app/profile"), "Accept", HTML, "Sec-Fetch-Mode", "cors");
        HttpResponse<String> publicPath = http.get(uri("api/public/whoami"));

        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(redirectUri(browser)).startsWith(base + "app/profile?tab=orgs&" + STATE_PARAMETER + "=");
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(fetch.statusCode()).isEqualTo(401);
        assertThat(publicPath.statusCode()).isEqualTo(200);
        assertThat(publicPath.body()).isEqualTo("anonymous");
    }

    @Test
    void logoutEndsTheLoginRocketSessionAndClearsTheCookie() {
        IssuedLogin login = ItEmulator.get().issueLogin(DANA, null);
        String cookie = COOKIE + "=" + login.token();
        assertThat(http.get(uri("api/public/whoami"), "Cookie", cookie).body()).isEqualTo(DANA);

        // a link on the application's own page: the browser says so in Sec-Fetch-Site
        HttpResponse<String> logout = http.get(uri("logout"), "Accept", HTML, "Cookie", cookie,
                "Sec-Fetch-Site", "same-origin");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith(ItEmulator.URL + "/logout"));
        String cleared = setCookie(logout, COOKIE).orElseThrow();
        assertThat(cookieValue(cleared)).isEmpty();
        assertThat(cleared.toLowerCase()).contains("max-age=0");
        assertThat(ItEmulator.get().session(login.sessionId()).orElseThrow().active()).isFalse();
    }

    @Test
    void scriptLogoutGets204() {
        IssuedLogin login = ItEmulator.get().issueLogin(SAM, null);

        HttpResponse<String> logout = http.send("POST", uri("logout"), null,
                "Accept", "application/json", "Authorization", "Bearer " + login.token());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(ItEmulator.get().session(login.sessionId()).orElseThrow().active()).isFalse();
    }

    /** The {@code redirect_uri} of a redirect to LoginRocket Web's login page. */
    static String redirectUri(HttpResponse<String> toLogin) {
        String location = toLogin.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ItEmulator.URL + "/login?redirect_uri=");
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    /** Logs in through the WAR's own endpoint (the injected client inside the container) and returns the token. */
    String login(String email, String password) {
        HttpResponse<String> response = http.postForm(uri("api/public/login"),
                Map.of("email", email, "password", password));
        return json(okBody(response)).getString("token");
    }

    static String okBody(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(200);
        return response.body();
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
