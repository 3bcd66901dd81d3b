package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The minimal LoginRocket Web pages: /login and /logout. */
class WebPagesTest {

    @RegisterExtension
    static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    static final String APP = "http://localhost:3000/app/landing?tab=2";

    static Http http() {
        return new Http(lr.emulator().url());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Http.Response submit(String form, String cookie) {
        HttpRequest.Builder b = Http.request(lr.emulator().url() + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http().send(b.build());
    }

    static String tokenFrom(String location) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no token in " + location);
    }

    @Test
    void loginPageHasStableIdsAndKeepsRedirectUri() {
        Http.Response page = http().send(Http.request(lr.emulator().url() + "/login?redirect_uri=" + enc(APP)).GET().build());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("X-Request-ID")).startsWith("rq_");
        assertThat(page.body()).contains("id=\"email\"", "id=\"password\"", "id=\"submit\"", "action=\"/login\"",
                "name=\"redirect_uri\" value=\"http://localhost:3000/app/landing?tab=2\"");
    }

    @Test
    void submitRedirectsWithTokenAppendedToTheExistingQuery() {
        Http.Response r = submit("email=dana%40example.org&password=correct-horse-battery&redirect_uri=" + enc(APP), null);
        assertThat(r.status()).isEqualTo(303);
        String location = r.header("Location");
        assertThat(location).startsWith(APP + "&token=");
        String token = tokenFrom(location);
        assertThat(TokenSigner.decodePayload(token).getString("sub")).isEqualTo(lr.emulator().userId("dana@example.org"));
        assertThat(r.header("Set-Cookie")).startsWith("lr_session=kss_").contains("HttpOnly", "SameSite=Lax");

        Http.Response fragment = submit("email=sam%40example.org&password=sam-password-123&redirect_uri="
                + enc("http://localhost:3000/#/home"), null);
        assertThat(fragment.header("Location")).matches("http://localhost:3000/\\?token=[^#]+#/home");
    }

    @Test
    void wrongPasswordRendersALocalizedError() {
        Http.Response r = http().send(Http.request(lr.emulator().url() + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "es")
                .POST(HttpRequest.BodyPublishers.ofString("email=dana%40example.org&password=nope&redirect_uri=" + enc(APP)))
                .build());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"error\"", "Error al iniciar sesión", "value=\"dana@example.org\"",
                "lang=\"es\"").doesNotContain("nope");
    }

    @Test
    void cookieSessionSkipsTheFormUnlessPromptLogin() {
        Http.Response first = submit("email=dana%40example.org&password=correct-horse-battery", null);
        assertThat(first.status()).as("no redirect_uri: a plain page").isEqualTo(200);
        assertThat(first.body()).contains("id=\"done\"");
        String cookie = first.header("Set-Cookie").split(";")[0];

        Http.Response again = http().send(Http.request(lr.emulator().url() + "/login?redirect_uri=" + enc(APP))
                .header("Cookie", cookie).GET().build());
        assertThat(again.status()).isEqualTo(303);
        assertThat(tokenFrom(again.header("Location"))).isNotBlank();

        Http.Response prompt = http().send(Http.request(lr.emulator().url() + "/login?prompt=login&redirect_uri=" + enc(APP))
                .header("Cookie", cookie).GET().build());
        assertThat(prompt.status()).isEqualTo(200);
        assertThat(prompt.body()).contains("id=\"password\"");
    }

    @Test
    void logoutEndsTheSessionAndRedirects() {
        String location = submit("email=dana%40example.org&password=correct-horse-battery&redirect_uri=" + enc(APP), null)
                .header("Location");
        String session = TokenSigner.decodePayload(tokenFrom(location)).getString("sid");
        Http.Response out = http().send(Http.request(lr.emulator().url() + "/logout?session=" + session
                + "&redirect_uri=" + enc("http://localhost:3000/bye")).GET().build());
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("http://localhost:3000/bye");
        assertThat(lr.emulator().session(session).orElseThrow().active()).isFalse();
        assertThat(http().get("/v2/session?session=" + session).status()).isEqualTo(403);

        Http.Response defaulted = http().send(Http.request(lr.emulator().url() + "/logout").GET().build());
        assertThat(defaulted.header("Location")).isEqualTo("/login");
    }

    @Test
    void redirectUrisOutsideTheRealmsListAreRefused() {
        try (LoginRocketEmulator strict = LoginRocketEmulator.builder()
                .realm(RealmFixture.builder().redirectUris("http://localhost:3000/").build())
                .user(UserFixture.builder("u@example.org", "long-enough-1").build()).start()) {
            Http h = new Http(strict.url());
            assertThat(h.send(Http.request(strict.url() + "/login?redirect_uri=" + enc("https://evil.example/")).GET().build())
                    .status()).isEqualTo(400);
            assertThat(h.send(Http.request(strict.url() + "/login?redirect_uri=" + enc("javascript:alert(1)")).GET().build())
                    .status()).isEqualTo(400);
            assertThat(h.send(Http.request(strict.url() + "/login?redirect_uri=" + enc("http://localhost:3000/ok")).GET().build())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void mfaUsersGetACodeStep() {
        try (LoginRocketEmulator mfa = LoginRocketEmulator.builder()
                .user(UserFixture.builder("m@example.org", "long-enough-1").totpCode("424242").build()).start()) {
            Http h = new Http(mfa.url());
            Http.Response step = h.send(Http.request(mfa.url() + "/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=m%40example.org&password=long-enough-1&redirect_uri="
                            + enc(APP))).build());
            assertThat(step.status()).isEqualTo(200);
            assertThat(step.body()).contains("id=\"code\"", "name=\"mfa_token\" value=\"tmf:");
            String mfaToken = step.body().replaceAll("(?s).*name=\"mfa_token\" value=\"([^\"]+)\".*", "$1");
            Http.Response done = h.send(Http.request(mfa.url() + "/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("mfa_token=" + enc(mfaToken) + "&code=424242&redirect_uri="
                            + enc(APP))).build());
            assertThat(done.status()).isEqualTo(303);
            assertThat(done.header("Location")).startsWith(APP + "&token=");
        }
    }
}
