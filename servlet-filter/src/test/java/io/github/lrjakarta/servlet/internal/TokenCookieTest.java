package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCookieTest {

    private final TokenCookie cookie = new TokenCookie("loginrocket_token", null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "loginrocket_token=abc|abc",
        "a=1; loginrocket_token=abc; b=2|abc",
        "a=1;loginrocket_token=abc|abc",
        "loginrocket_token=\"abc\"|abc",
        "x_loginrocket_token=abc; loginrocket_token=def|def",
    })
    void readsItsCookieFromTheHeader(String header, String expected) {
        assertThat(cookie.read(FakeHttp.request("GET", "https://a.example/").header("Cookie", header))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"other=1", "x_loginrocket_token=abc", "loginrocket_tokenx=abc", "loginrocket_token=", "loginrocket_token"})
    void ignoresOtherCookiesAndEmptyValues(String header) {
        assertThat(cookie.read(FakeHttp.request("GET", "https://a.example/").header("Cookie", header))).isNull();
    }

    @Test
    void noCookieHeaderNoValue() {
        assertThat(cookie.read(FakeHttp.request("GET", "https://a.example/"))).isNull();
    }

    @Test
    void writesHttpOnlySecureLaxExpiringWithTheToken() {
        FakeHttp.Response res = FakeHttp.response();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        cookie.write(FakeHttp.request("GET", "https://app.example.com/x"), res, "t.o.k", now.plusSeconds(3600), now);

        assertThat(res.headerValues("Set-Cookie"))
                .containsExactly("loginrocket_token=t.o.k; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:8080/x, false",
        "http://127.0.0.1:8080/x, false",
        "http://[::1]:8080/x, false",
        "http://127.example.com/x, true",
        "http://app.example.com/x, true",
        "https://localhost/x, true"
    })
    void secureIsOnlyLeftOffForPlainHttpLoopback(String url, boolean secure) {
        FakeHttp.Response res = FakeHttp.response();
        cookie.clear(FakeHttp.request("GET", url), res);

        assertThat(res.headerValues("Set-Cookie")).singleElement().satisfies(h -> {
            assertThat(h).startsWith("loginrocket_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            assertThat(h.endsWith("; Secure")).isEqualTo(secure);
        });
    }

    @Test
    void anExpiredTokenGetsMaxAgeZeroAndAConfiguredPathIsUsed() {
        FakeHttp.Response res = FakeHttp.response();
        Instant now = Instant.now();
        new TokenCookie("t", "/app").write(FakeHttp.request("GET", "https://a.example/"), res, "v", now.minusSeconds(5), now);
        assertThat(res.headerValues("Set-Cookie").get(0)).startsWith("t=v; Path=/app; Max-Age=0;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a;b", "a=b", "ä", "a,b"})
    void badNamesAreRefused(String name) {
        assertThatThrownBy(() -> new TokenCookie(name, null)).hasMessageContaining("expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "/a b", "/a;b"})
    void badPathsAreRefused(String path) {
        assertThatThrownBy(() -> TokenCookie.checkPath(path)).hasMessageContaining("expected a path");
    }
}
