package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.OrgMode;
import io.github.lrjakarta.testkit.RealmFixture;
import io.github.lrjakarta.testkit.UserFixture;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions outlive their tokens: a token about to expire, or expired while its session is alive,
 * is refreshed through {@code GET /v2/session}. The filter reads time from the emulator's clock,
 * so the tests move time instead of waiting.
 */
class LoginRocketFilterRefreshJettyTest {

    static LoginRocketEmulator emulator;
    static FilterJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        emulator = LoginRocketEmulator.start();
        jetty = FilterJetty.start(context -> {
            FilterHolder holder = new FilterHolder(LoginRocketFilter.builder().clock(emulator.clock()).build());
            holder.setInitParameters(Map.of(
                    "loginrocket.url", emulator.url(),
                    "loginrocket.allow-insecure-loopback", "true",
                    "loginrocket.login-required", "/api/*",
                    "loginrocket.logout-path", "/logout",
                    "loginrocket.refresh-expired-within", "2h"));
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }, null);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        emulator.close();
    }

    @AfterEach
    void resetTime() {
        emulator.clock().resetOffset();
        emulator.clearRequests();
    }

    /** Before 0.2 this path refreshed it (the refresh of expired tokens did not ask where the token came from). */
    @Test
    void anExpiredBearerTokenIsNeverRefreshedEvenWhileItsSessionLives() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(61)); // tokens live 60 minutes, sessions a day

        HttpResponse<String> res = jetty.api("/api/me", "Authorization", "Bearer " + login.token());

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(emulator.requestCount("/v2/session")).as("a leaked token stops working when it expires").isZero();
    }

    @Test
    void anExpiredCookieTokenOfALiveSessionIsRefreshedOnceAndThenServedFromMemory() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(61));

        HttpResponse<String> first = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());
        HttpResponse<String> second = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("email=dana@example.org");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
        RecordedRequest refresh = emulator.requests().stream().filter(r -> r.path().equals("/v2/session")).findFirst().orElseThrow();
        assertThat(refresh.queryParam("account")).as("the org the token selected").contains(login.account());
    }

    @Test
    void aCookieTokenAboutToExpireIsReplacedInPassing() throws Exception {
        IssuedLogin login = emulator.issueLogin("sam@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(59).plusSeconds(30)); // inside refresh-before (1m)

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(200);
        Matcher cookie = LoginRocketFilterJettyTest.tokenCookie(res);
        assertThat(cookie).isNotNull();
        assertThat(cookie.group(1)).isNotEqualTo(login.token());
        assertThat(cookie.group(2)).containsPattern("Max-Age=(359\\d|3600);");
        assertThat(res.headers().firstValue("Cache-Control")).as("no shared cache keeps the token").contains("private, no-store");
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void aFreshCookieTokenIsNotRefreshed() throws Exception {
        String token = emulator.issueToken("sam@example.org");

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + token);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().allValues("set-cookie")).isEmpty();
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void anExpiredCookieTokenOfALiveSessionGetsAFreshCookie() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(90));

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(LoginRocketFilterJettyTest.tokenCookie(res)).isNotNull()
                .satisfies(m -> assertThat(m.group(1)).isNotEqualTo(login.token()));
    }

    @Test
    void aTokenExpiredLongerThanTheWindowIsNotRefreshed() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofHours(4)); // expired 3 hours ago, window 2 hours

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void anExpiredTokenOfAnEndedSessionIsRefused() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        assertThat(postLogout(login.token()).statusCode()).isEqualTo(204);
        emulator.clock().advance(Duration.ofMinutes(61));

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(LoginRocketFilterJettyTest.tokenCookie(res)).as("LoginRocket said the session is over: cleared")
                .isNotNull().satisfies(m -> assertThat(m.group(2)).contains("Max-Age=0"));
        // only the logout: the verifier knows the session ended, so no refresh is even tried
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void aTamperedExpiredTokenNeverReachesLoginRocket() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(61));
        String[] parts = login.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        HttpResponse<String> res = jetty.api("/api/me", "Cookie", "loginrocket_token=" + forged);

        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(emulator.requestCount("/v2/session")).isZero();
    }

    @Test
    void logoutWithAnExpiredTokenStillEndsItsLiveSession() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(61));

        HttpResponse<String> logout = postLogout(login.token());
        HttpResponse<String> after = jetty.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/v2/session"))
                .extracting(r -> r.method()).as("no refresh of a session known to be ended").containsExactly("DELETE");
        assertThat(after.statusCode()).as("the session was ended, so it cannot be refreshed").isEqualTo(401);
    }

    @Test
    void expiredTokensAreJudgedByTheSharedVerifier() throws Exception {
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        emulator.clock().advance(Duration.ofMinutes(61));
        for (String realm : new String[] {"rl_someOtherRealm", emulator.realmId()}) {
            LoginRocketTokenVerifier shared = LoginRocketTokenVerifier.builder()
                    .jwks(LoginRocketUrl.parse(emulator.url(), true)).clock(emulator.clock()).realm(realm).build();
            try (FilterJetty pinned = FilterJetty.start(context -> {
                FilterHolder holder = new FilterHolder(
                        LoginRocketFilter.builder().clock(emulator.clock()).tokenVerifier(shared).build());
                holder.setInitParameters(Map.of(
                        "loginrocket.url", emulator.url(),
                        "loginrocket.allow-insecure-loopback", "true",
                        "loginrocket.login-required", "/api/*",
                        "loginrocket.refresh-expired-within", "2h"));
                context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
            }, null)) {
                HttpResponse<String> res = pinned.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

                boolean ownRealm = realm.equals(emulator.realmId());
                assertThat(res.statusCode()).as(realm).isEqualTo(ownRealm ? 200 : 401);
                assertThat(emulator.requestCount("/v2/session")).as(realm).isEqualTo(ownRealm ? 1 : 0);
            }
        }
    }

    @Test
    void zeroDurationsTurnRefreshOff() throws Exception {
        IssuedLogin aboutToExpire = emulator.issueLogin("sam@example.org", null);
        IssuedLogin expired = emulator.issueLogin("dana@example.org", null);
        try (FilterJetty off = FilterJetty.start(context -> {
            FilterHolder holder = new FilterHolder(LoginRocketFilter.builder().clock(emulator.clock()).build());
            holder.setInitParameters(Map.of(
                    "loginrocket.url", emulator.url(),
                    "loginrocket.allow-insecure-loopback", "true",
                    "loginrocket.login-required", "/api/*",
                    "loginrocket.refresh-before", "0s",
                    "loginrocket.refresh-expired-within", "0s"));
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }, null)) {
            emulator.clock().advance(Duration.ofMinutes(59).plusSeconds(30));
            HttpResponse<String> due = off.api("/api/me", "Cookie", "loginrocket_token=" + aboutToExpire.token());
            assertThat(due.statusCode()).isEqualTo(200);
            assertThat(due.headers().allValues("set-cookie")).isEmpty();

            emulator.clock().advance(Duration.ofMinutes(2));
            HttpResponse<String> gone = off.api("/api/me", "Cookie", "loginrocket_token=" + expired.token());
            assertThat(gone.statusCode()).isEqualTo(401);

            assertThat(emulator.requestCount("/v2/session")).isZero();
        }
    }

    private static HttpResponse<String> postLogout(String token) throws Exception {
        return jetty.send(jetty.request("/logout")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * In a multi-user realm a refresh without {@code account} may come back as {@code
     * conditional_login} (no token); in a single-user one the org may switch. The refresh asks for
     * the org the old token selected, so the user keeps the permissions of that org.
     */
    @Test
    void aRefreshInAMultiUserRealmKeepsTheSelectedOrg() throws Exception {
        try (LoginRocketEmulator teams = LoginRocketEmulator.builder()
                        .realm(RealmFixture.builder().name("Teams").orgMode(OrgMode.MULTI_USER).build())
                        .user(UserFixture.builder("lee@example.org", "lee-password-1")
                                .org("Park Studio", "admin").org("Acme Partners", "read").build())
                        .start();
                FilterJetty jettyForTeams = FilterJetty.start(context -> {
                    FilterHolder holder = new FilterHolder(LoginRocketFilter.builder().clock(teams.clock()).build());
                    holder.setInitParameters(Map.of(
                            "loginrocket.url", teams.url(),
                            "loginrocket.allow-insecure-loopback", "true",
                            "loginrocket.login-required", "/api/*"));
                    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
                }, null)) {
            String acme = teams.orgId("Acme Partners");
            IssuedLogin login = teams.issueLogin("lee@example.org", acme);
            teams.clock().advance(Duration.ofMinutes(61));

            HttpResponse<String> res = jettyForTeams.api("/api/me", "Cookie", "loginrocket_token=" + login.token());

            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("read=true", "admin=false");
            RecordedRequest refresh = teams.requests().stream().filter(r -> r.path().equals("/v2/session"))
                    .findFirst().orElseThrow();
            assertThat(refresh.queryParam("account")).contains(acme);
        }
    }
}
