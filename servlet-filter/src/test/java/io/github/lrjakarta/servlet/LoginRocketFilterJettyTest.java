package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter in embedded Jetty 12 against the testkit emulator: intake, principal, login requirement, logout. */
class LoginRocketFilterJettyTest {

    static LoginRocketEmulator emulator;
    static LoginRocketClient appClient;
    static FilterJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        emulator = LoginRocketEmulator.start();
        appClient = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build();
        jetty = FilterJetty.withInitParams(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.login-required", "/app/*, /api/*",
                "loginrocket.logout-path", "/logout",
                "loginrocket.cors.allowed-origins", "http://localhost:3000",
                "loginrocket.cors.allow-credentials", "true"), appClient);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        appClient.close();
        emulator.close();
    }

    @AfterEach
    void clearRequests() {
        emulator.clearRequests();
    }

    static final Pattern COOKIE = Pattern.compile("loginrocket_token=([^;]*)(.*)");

    static Matcher tokenCookie(HttpResponse<?> res) {
        for (String h : res.headers().allValues("set-cookie")) {
            Matcher m = COOKIE.matcher(h);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- intake

    @Test
    void aTokenInTheUrlBecomesACookieAndLeavesTheUrl() throws Exception {
        String token = emulator.issueToken("dana@example.org");

        HttpResponse<String> res = jetty.navigate("/app/page?tab=2&token=" + token + "&x=%20y");

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/app/page?tab=2&x=%20y");
        assertThat(res.headers().firstValue("Cache-Control")).contains("no-store");
        Matcher cookie = tokenCookie(res);
        assertThat(cookie).isNotNull();
        assertThat(cookie.group(1)).isEqualTo(token);
        // Plain http to 127.0.0.1: no Secure, or the browser would drop the cookie in local development.
        assertThat(cookie.group(2)).matches("; Path=/ctx; Max-Age=(35|36)\\d\\d; HttpOnly; SameSite=Lax");

        HttpResponse<String> next = jetty.navigate("/app/page?tab=2", "Cookie", "loginrocket_token=" + cookie.group(1));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("email=dana@example.org", "auth=LoginRocket");
    }

    @Test
    void aSessionIdInTheUrlIsForwardedToLoginRocketForAFreshToken() throws Exception {
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);

        HttpResponse<String> res = jetty.navigate("/app/home?session=" + login.sessionId() + "&account=" + login.account());

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/app/home");
        Matcher cookie = tokenCookie(res);
        assertThat(cookie).isNotNull();
        RecordedRequest call = single("GET", "/v2/session");
        assertThat(call.queryParam("session")).contains(login.sessionId());
        assertThat(call.queryParam("account")).contains(login.account());
        assertThat(call.header("User-Agent")).contains(FilterJetty.BROWSER);

        HttpResponse<String> next = jetty.api("/api/me", "Cookie", "loginrocket_token=" + cookie.group(1));
        assertThat(next.body()).contains("email=sam@example.org", "read=true", "admin=false");
    }

    @Test
    void aBadTokenInTheUrlIsStillStrippedButGivesNoCookie() throws Exception {
        HttpResponse<String> res = jetty.navigate("/public/page?token=not.a.token");

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/public/page");
        assertThat(tokenCookie(res)).isNull();
    }

    @Test
    void aMalformedSessionIdIsNotSentToLoginRocket() throws Exception {
        HttpResponse<String> res = jetty.navigate("/public/page?session=kss_x%27%3B--&q=1");

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/public/page?q=1");
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void credentialsInTheUrlOfANonGetAreNotTaken() throws Exception {
        String token = emulator.issueToken("dana@example.org");

        HttpResponse<String> res = jetty.send(jetty.request("/api/items?token=" + token)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(tokenCookie(res)).isNull();
    }

    // ---------------------------------------------------------------- principal and roles

    @Test
    void aBearerTokenGivesThePrincipalTheRemoteUserAndRolesFromTheSelectedMembership() throws Exception {
        String token = emulator.issueToken("dana@example.org");

        HttpResponse<String> res = jetty.api("/api/me", "Authorization", "Bearer " + token);

        assertThat(res.statusCode()).isEqualTo(200);
        String userId = emulator.userId("dana@example.org");
        assertThat(res.body()).contains("user=" + userId, "remote=" + userId, "auth=LoginRocket", "admin=true",
                "read=false", "any=true", "email=dana@example.org", "principalSession=true");
        assertThat(tokenCookie(res)).as("bearer requests do not get cookies").isNull();
    }

    @Test
    void anonymousRequestsOnPublicPathsPassUntouched() throws Exception {
        HttpResponse<String> res = jetty.navigate("/public/page?q=1");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("user=none", "remote=null", "auth=null", "any=false", "query=q=1");
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
    }

    // ---------------------------------------------------------------- login required

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPageWithARedirectBack() throws Exception {
        HttpResponse<String> res = jetty.navigate("/app/page?q=1");

        assertThat(res.statusCode()).isEqualTo(302);
        String back = jetty.base + "/ctx/app/page?q=1";
        assertThat(res.headers().firstValue("Location"))
                .contains(emulator.url() + "/login?redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }

    @Test
    void anApiCallWithoutASessionGets401InLoginRocketsErrorShape() throws Exception {
        HttpResponse<String> res = jetty.api("/api/items");

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(res.body()).isEqualTo("{\"result\":\"error\",\"error\":\"Login required.\",\"errors\":[\"Login required.\"]}");
    }

    @Test
    void aRejectedBearerTokenIsReportedAsInvalidToken() throws Exception {
        HttpResponse<String> res = jetty.api("/api/items", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.");

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void aScriptFetchAcceptingHtmlStillGets401() throws Exception {
        HttpResponse<String> res = jetty.api("/app/page", "Accept", "text/html", "Sec-Fetch-Mode", "cors");
        assertThat(res.statusCode()).isEqualTo(401);
    }

    @Test
    void aStaleCookieIsClearedAndTheBrowserSentToLogin() throws Exception {
        HttpResponse<String> res = jetty.navigate("/app/page", "Cookie", "loginrocket_token=garbage");

        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(tokenCookie(res)).isNotNull().satisfies(m -> {
            assertThat(m.group(1)).isEmpty();
            assertThat(m.group(2)).contains("Max-Age=0");
        });
    }

    @Test
    void preflightsToProtectedPathsAreAnsweredByCorsNotBlockedByLogin() throws Exception {
        HttpResponse<String> allowed = jetty.send(jetty.request("/api/items")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");

        HttpResponse<String> refused = jetty.send(jetty.request("/api/items")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void actualCorsRequestsWithATokenGetCorsHeadersAndTheUser() throws Exception {
        String token = emulator.issueToken("sam@example.org");

        HttpResponse<String> res = jetty.api("/api/me", "Origin", "http://localhost:3000", "Authorization", "Bearer " + token);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(res.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
        assertThat(res.body()).contains("email=sam@example.org");
    }

    // ---------------------------------------------------------------- logout

    @Test
    void logoutEndsTheLoginRocketSessionClearsTheCookieAndGoesToLoginRocketWeb() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);

        HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains(emulator.url() + "/logout");
        assertThat(tokenCookie(res)).isNotNull().satisfies(m -> assertThat(m.group(2)).contains("Max-Age=0"));
        RecordedRequest call = single("DELETE", "/v2/session");
        assertThat(call.queryParam("session")).contains(login.sessionId());
        assertThat(emulator.session(login.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void logoutFromAScriptGets204() throws Exception {
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);

        HttpResponse<String> res = jetty.send(jetty.request("/logout")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + login.token())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(res.statusCode()).isEqualTo(204);
        assertThat(emulator.session(login.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void aLogoutAnotherSiteMakesTheBrowserSendIsRefusedAndChangesNothing() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        String cookie = "loginrocket_token=" + login.token();

        HttpResponse<String> image = jetty.send(jetty.request("/logout")   // <img src=".../logout">
                .header("Accept", "image/avif,image/webp,*/*")
                .header("Cookie", cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors")
                .header("Sec-Fetch-Dest", "image"));
        HttpResponse<String> link = jetty.navigate("/logout", "Cookie", cookie,
                "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
        HttpResponse<String> form = jetty.send(jetty.request("/logout")   // auto-submitted form elsewhere
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> res : List.of(image, link, form)) {
            assertThat(res.statusCode()).isEqualTo(403);
            assertThat(res.headers().allValues("set-cookie")).as("the cookie is left alone").isEmpty();
            assertThat(res.headers().firstValue("Location")).isEmpty();
        }
        assertThat(emulator.requestCount("/v2/session")).isZero();
        assertThat(emulator.session(login.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isTrue());
        assertThat(jetty.api("/api/me", "Cookie", cookie).body()).contains("email=dana@example.org");
    }

    @Test
    void theApplicationsOwnLogoutLinkStillWorks() throws Exception {
        for (String site : new String[] {"same-origin", "none"}) {
            IssuedLogin login = emulator.issueLogin("sam@example.org", null);

            HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + login.token(),
                    "Sec-Fetch-Site", site, "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");

            assertThat(res.statusCode()).as(site).isEqualTo(303);
            assertThat(tokenCookie(res)).as(site).isNotNull().satisfies(m -> assertThat(m.group(2)).contains("Max-Age=0"));
            assertThat(emulator.session(login.sessionId())).as(site)
                    .hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        }
    }

    @Test
    void aLogoutFormPostedFromTheApplicationEndsTheSessionAndRedirects() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);

        HttpResponse<String> res = jetty.send(jetty.request("/logout")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "loginrocket_token=" + login.token())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "navigate")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains(emulator.url() + "/logout");
        assertThat(tokenCookie(res)).isNotNull().satisfies(m -> assertThat(m.group(2)).contains("Max-Age=0"));
        assertThat(single("DELETE", "/v2/session").queryParam("session")).contains(login.sessionId());
    }

    @Test
    void aCrossSiteScriptWithTheBearerTokenMayPostALogout() throws Exception {
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);

        HttpResponse<String> res = jetty.send(jetty.request("/logout")
                .header("Origin", "http://localhost:3000")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + login.token())
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "cors")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(res.statusCode()).isEqualTo(204);
        assertThat(emulator.session(login.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void logoutWithoutASessionStillClearsAndRedirects() throws Exception {
        HttpResponse<String> res = jetty.navigate("/logout");

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    // ---------------------------------------------------------------- the user's client

    @Test
    void callsTheApplicationMakesDuringTheRequestCarryTheBrowsersAgentAndLanguage() throws Exception {
        HttpResponse<String> res = jetty.navigate("/public/login-as-dana", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");

        assertThat(res.body()).isEqualTo("login=FULL_LOGIN");
        RecordedRequest call = single("POST", "/v2/login");
        assertThat(call.header("User-Agent")).contains(FilterJetty.BROWSER);
        assertThat(call.header("Accept-Language")).hasValueSatisfying(v -> assertThat(v).startsWith("es"));
    }

    @Test
    void outsideARequestNothingIsBound() throws Exception {
        // The application's client has just served a browser's request; its next call, made outside
        // any request, must carry nothing of that browser.
        jetty.navigate("/public/login-as-dana", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
        emulator.clearRequests();

        appClient.forgotPassword("dana@example.org");

        assertThat(io.github.lrjakarta.core.CallContext.current()).isEmpty();
        RecordedRequest call = single("POST", "/v2/password/forgot");
        assertThat(call.header("User-Agent")).hasValueSatisfying(agent -> assertThat(agent).doesNotContain("Firefox"));
        assertThat(call.header("Accept-Language")).isEmpty();
    }

    private static RecordedRequest single(String method, String path) {
        List<RecordedRequest> calls = emulator.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
