package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    private static FakeHttp.Request get(String accept) {
        FakeHttp.Request r = FakeHttp.request("GET", "https://a.example/app");
        return accept == null ? r : r.header("Accept", accept);
    }

    @Test
    void aGetAcceptingHtmlIsABrowserNavigation() {
        assertThat(Responses.isBrowserNavigation(get("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(Responses.isBrowserNavigation(get("text/html").header("Sec-Fetch-Mode", "navigate"))).isTrue();
        assertThat(Responses.isBrowserNavigation(get("text/html").method("HEAD"))).isTrue();
    }

    @Test
    void scriptsAndApiClientsAreNot() {
        assertThat(Responses.isBrowserNavigation(get("application/json"))).isFalse();
        assertThat(Responses.isBrowserNavigation(get("*/*"))).isFalse();
        assertThat(Responses.isBrowserNavigation(get(null))).isFalse();
        assertThat(Responses.isBrowserNavigation(get("text/html").method("POST"))).isFalse();
        assertThat(Responses.isBrowserNavigation(get("text/html").header("Sec-Fetch-Mode", "cors"))).isFalse();
        assertThat(Responses.isBrowserNavigation(get("text/html").header("X-Requested-With", "XMLHttpRequest"))).isFalse();
    }

    @Test
    void unauthorizedIsJsonInLoginRocketsErrorShapeAndNotCached() throws Exception {
        FakeHttp.Response res = FakeHttp.response();
        Responses.unauthorized(res, true);

        assertThat(res.getStatus()).isEqualTo(401);
        assertThat(res.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(res.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(res.body()).isEqualTo(Responses.LOGIN_REQUIRED_JSON);
    }

    @Test
    void theLoginRedirectCarriesNoCredentialsFromTheQueryBack() {
        // A HEAD navigation is not a token intake (GET only), so its query still holds them here.
        FakeHttp.Request req = FakeHttp.request(
                        "HEAD", "https://a.example/app/page?x=1&token=eyJ.secret.sig&session=kss_secret&account=org_1&y=%20z")
                .header("Accept", "text/html");
        FakeHttp.Response res = FakeHttp.response();

        Responses.redirectToLogin(res, LoginRocketUrl.parse("https://sample.e2.loginrocket.com", false),
                Responses.returnUrl(req.getRequestURL().toString(), req.getQueryString(), null));

        String location = res.getHeader("Location");
        assertThat(res.getStatus()).isEqualTo(302);
        assertThat(location).startsWith("https://sample.e2.loginrocket.com/login?redirect_uri=")
                .doesNotContain("secret").doesNotContain("org_1");
        assertThat(URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8))
                .isEqualTo("https://a.example/app/page?x=1&y=%20z");
    }

    @Test
    void theLoginRedirectKeepsAQueryWithoutCredentials() {
        FakeHttp.Request req = FakeHttp.request("GET", "https://a.example/app/page?q=a%26b").header("Accept", "text/html");
        FakeHttp.Response res = FakeHttp.response();

        Responses.redirectToLogin(res, LoginRocketUrl.parse("https://sample.e2.loginrocket.com", false),
                Responses.returnUrl(req.getRequestURL().toString(), req.getQueryString(), null));

        String location = res.getHeader("Location");
        assertThat(URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8))
                .isEqualTo("https://a.example/app/page?q=a%26b");
    }

    @Test
    void theReturnUrlCarriesTheNewLoginStateButNoOldOne() {
        assertThat(Responses.returnUrl("https://a.example/app", "lr_state=old&q=1", "lr_state=new"))
                .isEqualTo("https://a.example/app?q=1&lr_state=new");
        assertThat(Responses.returnUrl("https://a.example/app", null, "lr_state=new"))
                .isEqualTo("https://a.example/app?lr_state=new");
    }
}
