package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.servlet.testing.FakeHttp;
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
        assertThat(res.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(res.body()).isEqualTo(Responses.LOGIN_REQUIRED_JSON);
    }
}
