package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.net.URLDecoder;
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
                "loginrocket.session-intake", "true",
                "loginrocket.login-landing-paths", "/landing",
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

    static final Pattern STATE_COOKIE = Pattern.compile("loginrocket_state=([^;]*)(.*)");

    /** A login this browser started: the state cookie the login redirect set, and the state in its redirect_uri. */
    record StartedLogin(String cookie, String state) {}

    static StartedLogin startLogin(String path) throws Exception {
        HttpResponse<String> redirect = jetty.navigate(path);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String cookie = redirect.headers().allValues("set-cookie").stream()
                .map(STATE_COOKIE::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst().orElseThrow();
        String location = URLDecoder.decode(redirect.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        Matcher state = Pattern.compile("[?&]lr_state=([^&]*)").matcher(location);
        assertThat(state.find()).isTrue();
        return new StartedLogin("loginrocket_state=" + cookie, state.group(1));
    }

    // ---------------------------------------------------------------- intake

    @Test
    void aTokenInTheUrlBecomesACookieAndLeavesTheUrl() throws Exception {
        String token = emulator.issueToken("dana@example.org");
        StartedLogin login = startLogin("/app/page?tab=2");

        HttpResponse<String> res = jetty.navigate("/app/page?tab=2&token=" + token + "&x=%20y&lr_state=" + login.state(),
                "Cookie", login.cookie());

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/app/page?tab=2&x=%20y");
        assertThat(res.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(res.headers().allValues("set-cookie")).as("the state is good for one return")
                .anySatisfy(c -> assertThat(c).startsWith("loginrocket_state=;").contains("Max-Age=0"));
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
        StartedLogin started = startLogin("/app/home");

        HttpResponse<String> res = jetty.navigate("/app/home?session=" + login.sessionId() + "&account=" + login.account()
                + "&lr_state=" + started.state(), "Cookie", started.cookie());

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
    void aMalformedSessionIdIsNotSentToLoginRocketAndIsLeftToTheApplication() throws Exception {
        HttpResponse<String> res = jetty.navigate("/landing?session=kss_x%27%3B--&q=1");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("query=session=kss_x%27%3B--&q=1");
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void theApplicationsOwnTokenParameterPassesThroughUntouched() throws Exception {
        HttpResponse<String> res = jetty.navigate("/public/reset.html?token=tpw:abc123XYZ");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("query=token=tpw:abc123XYZ");
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
    }

    // ---------------------------------------------------------------- login CSRF

    @Test
    void aLinkWithAnotherUsersTokenDoesNotLogTheVictimIn() throws Exception {
        String attackers = emulator.issueToken("sam@example.org");
        String victims = emulator.issueToken("dana@example.org");

        // A cross-site link without any state, to a victim logged in or not.
        assertRefused(jetty.navigate("/app/page?token=" + attackers, "Cookie", "loginrocket_token=" + victims));
        assertRefused(jetty.navigate("/app/page?token=" + attackers));
        // While the victim's own login is under way: a guessed state, or none in the URL.
        StartedLogin victimsOwnLogin = startLogin("/app/page");
        assertRefused(jetty.navigate("/app/page?token=" + attackers + "&lr_state=guessed", "Cookie", victimsOwnLogin.cookie()));
        assertRefused(jetty.navigate("/app/page?token=" + attackers, "Cookie", victimsOwnLogin.cookie()));

        HttpResponse<String> still = jetty.navigate("/app/page", "Cookie", "loginrocket_token=" + victims);
        assertThat(still.body()).contains("email=dana@example.org");
    }

    private static void assertRefused(HttpResponse<String> res) {
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains("/ctx/app/page");
        assertThat(tokenCookie(res)).as("the cookie is left as it was").isNull();
    }

    @Test
    void aSessionIdInALinkIsRefusedWithoutALoginStartedHere() throws Exception {
        IssuedLogin attackers = emulator.issueLogin("sam@example.org", null);

        HttpResponse<String> res = jetty.navigate("/app/page?session=" + attackers.sessionId());

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(tokenCookie(res)).isNull();
        assertThat(emulator.requestCount("/v2/session")).as("not even asked").isZero();
    }

    @Test
    void theLoginRoundTripThroughLoginRocketWebWorks() throws Exception {
        HttpResponse<String> toLogin = jetty.navigate("/app/page?q=1");
        String stateCookie = toLogin.headers().allValues("set-cookie").stream()
                .map(STATE_COOKIE::matcher).filter(Matcher::matches).map(m -> "loginrocket_state=" + m.group(1))
                .findFirst().orElseThrow();
        String location = toLogin.headers().firstValue("Location").orElseThrow();
        String redirectUri = URLDecoder.decode(location.substring(location.indexOf("redirect_uri=") + 13), StandardCharsets.UTF_8);

        // The user logs in on LoginRocket Web (the emulator's form), which sends the browser back with ?token=.
        HttpResponse<String> loggedIn = jetty.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=dana%40example.org&password=correct-horse-battery&redirect_uri="
                        + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isIn(302, 303);
        String back = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(jetty.base + "/ctx/app/page?q=1&lr_state=").contains("token=");

        HttpResponse<String> intake = jetty.send(jetty.request(back.substring(jetty.base.toString().length() + FilterJetty.CONTEXT.length()))
                .header("Accept", "text/html").header("Cookie", stateCookie));
        assertThat(intake.statusCode()).isEqualTo(303);
        assertThat(intake.headers().firstValue("Location")).contains("/ctx/app/page?q=1");
        Matcher cookie = tokenCookie(intake);
        assertThat(cookie).isNotNull();

        HttpResponse<String> page = jetty.navigate("/app/page?q=1", "Cookie", "loginrocket_token=" + cookie.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("email=dana@example.org");
    }

    @Test
    void onALandingPathTheStateIsNotNeededButAnotherUsersValidSessionIsNeverReplaced() throws Exception {
        String dana = emulator.issueToken("dana@example.org");
        String sam = emulator.issueToken("sam@example.org");

        HttpResponse<String> fresh = jetty.navigate("/landing?token=" + dana);
        assertThat(fresh.statusCode()).isEqualTo(303);
        assertThat(tokenCookie(fresh)).isNotNull().satisfies(m -> assertThat(m.group(1)).isEqualTo(dana));

        HttpResponse<String> other = jetty.navigate("/landing?token=" + sam, "Cookie", "loginrocket_token=" + dana);
        assertThat(other.statusCode()).isEqualTo(303);
        assertThat(tokenCookie(other)).as("dana's session stays").isNull();
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
        String back = jetty.base + "/ctx/app/page?q=1&lr_state=";
        assertThat(res.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith(emulator.url() + "/login?redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        assertThat(res.headers().allValues("set-cookie")).singleElement().asString()
                .matches("loginrocket_state=[A-Za-z0-9_-]{22}; Path=/ctx; Max-Age=600; HttpOnly; SameSite=Lax");
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
    void anOptionsWithoutOriginIsNoPreflightAndMeetsTheLoginRequirement() throws Exception {
        HttpResponse<String> res = jetty.send(jetty.request("/api/items")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "GET"));

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.body()).doesNotContain("user=");
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

        HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + login.token(),
                "Sec-Fetch-Site", "same-origin");

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
        HttpResponse<String> res = jetty.navigate("/logout", "Referer", jetty.base + "/ctx/app/page");

        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).contains(emulator.url() + "/logout");
        assertThat(tokenCookie(res)).isNotNull().satisfies(m -> {
            assertThat(m.group(1)).isEmpty();
            assertThat(m.group(2)).contains("Max-Age=0");
        });
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void afterALogoutTheSameTokenNoLongerWorksHere() throws Exception {
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);
        assertThat(jetty.api("/api/me", "Authorization", "Bearer " + login.token()).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = jetty.send(jetty.request("/logout")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + login.token())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);

        // The token still verifies locally (and sat in the verifier's cache), but its session is over.
        assertThat(jetty.api("/api/me", "Authorization", "Bearer " + login.token()).statusCode()).isEqualTo(401);
        assertThat(jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void aLogoutByGetWithoutSameOriginEvidenceIsRefused() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);

        HttpResponse<String> res = jetty.navigate("/logout", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
        assertThat(emulator.session(login.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void anExpiredBearerTokenIsNotRefreshed() throws Exception {
        emulator.clock().advance(java.time.Duration.ofHours(-2));
        String expired;
        try {
            expired = emulator.issueToken("dana@example.org");
        } finally {
            emulator.clock().resetOffset();
        }
        emulator.clearRequests();

        HttpResponse<String> res = jetty.api("/api/me", "Authorization", "Bearer " + expired);

        assertThat(res.statusCode()).isEqualTo(401);
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
