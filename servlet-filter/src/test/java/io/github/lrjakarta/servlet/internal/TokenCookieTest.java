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

    private final TokenCookie cookie = new TokenCookie("loginrocket_token", null, true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "loginrocket_token=abc|abc",
        "a=1; loginrocket_token=abc; b=2|abc",
        "a=1;loginrocket_token=abc|abc",
        "loginrocket_token=\"abc\"|abc",
        "x_loginrocket_token=abc; loginrocket_token=def|def",
        "__Host-loginrocket_token=abc; loginrocket_token=def|def",
    })
    void readsItsCookieFromTheHeader(String header, String expected) {
        assertThat(cookie.read(FakeHttp.request("GET", "https://a.example/").header("Cookie", header))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"other=1", "x_loginrocket_token=abc", "loginrocket_tokenx=abc", "loginrocket_token=", "loginrocket_token",
        // cookie tossing: a sibling subdomain planted one for the parent domain, and the browser sends both
        "loginrocket_token=planted; loginrocket_token=mine", "loginrocket_token=mine; a=1; loginrocket_token=planted"})
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
        "http://localhost:8080/x, true, false",
        "http://127.0.0.1:8080/x, true, false",
        "https://localhost/x, true, true",
        // A proxy that rewrites Host to a loopback name must not cost the cookie its Secure flag.
        "http://localhost:8080/x, false, true",
        "http://127.0.0.1:8080/x, false, true",
        "http://app.example.com/x, false, true",
    })
    void secureIsOnlyLeftOffForPlainHttpWithInsecureLoopbackAllowed(String url, boolean allowInsecureLoopback, boolean secure) {
        FakeHttp.Response res = FakeHttp.response();
        new TokenCookie("loginrocket_token", null, allowInsecureLoopback).clear(FakeHttp.request("GET", url), res);

        assertThat(res.headerValues("Set-Cookie")).singleElement().satisfies(h -> {
            assertThat(h).startsWith("loginrocket_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            assertThat(h.endsWith("; Secure")).isEqualTo(secure);
        });
    }

    @Test
    void anExpiredTokenGetsMaxAgeZeroAndAConfiguredPathIsUsed() {
        FakeHttp.Response res = FakeHttp.response();
        Instant now = Instant.now();
        new TokenCookie("t", "/app", false).write(FakeHttp.request("GET", "https://a.example/"), res, "v", now.minusSeconds(5), now);
        assertThat(res.headerValues("Set-Cookie").get(0)).startsWith("t=v; Path=/app; Max-Age=0;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a;b", "a=b", "ä", "a,b"})
    void badNamesAreRefused(String name) {
        assertThatThrownBy(() -> new TokenCookie(name, null, false)).hasMessageContaining("expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "/a b", "/a;b"})
    void badPathsAreRefused(String path) {
        assertThatThrownBy(() -> TokenCookie.checkPath(path)).hasMessageContaining("expected a path");
    }

    @Test
    void theDefaultNameIsHostPrefixedWhenSecureWithPathSlash() {
        TokenCookie byDefault = new TokenCookie(null, null, true);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        FakeHttp.Response secure = FakeHttp.response();
        FakeHttp.Request https = FakeHttp.request("GET", "https://app.example.com/x");
        byDefault.write(https, secure, "t.o.k", now.plusSeconds(60), now);
        assertThat(secure.headerValues("Set-Cookie"))
                .containsExactly("__Host-loginrocket_token=t.o.k; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
        assertThat(byDefault.read(https.header("Cookie", "loginrocket_token=planted; __Host-loginrocket_token=t.o.k")))
                .isEqualTo("t.o.k");

        FakeHttp.Response plain = FakeHttp.response();
        byDefault.write(FakeHttp.request("GET", "http://localhost:8080/x"), plain, "t.o.k", now.plusSeconds(60), now);
        assertThat(plain.headerValues("Set-Cookie")).singleElement().asString().startsWith("loginrocket_token=t.o.k;");

        FakeHttp.Response configured = FakeHttp.response();
        new TokenCookie("loginrocket_token", null, false).write(https, configured, "t.o.k", now.plusSeconds(60), now);
        assertThat(configured.headerValues("Set-Cookie")).singleElement().asString().startsWith("loginrocket_token=t.o.k;");
    }

    @Test
    void responsesThatSetOrClearTheCookieAreNotStoredByAnyCache() {
        FakeHttp.Response set = FakeHttp.response();
        Instant now = Instant.now();
        cookie.write(FakeHttp.request("GET", "https://a.example/"), set, "t.o.k", now.plusSeconds(60), now);
        FakeHttp.Response cleared = FakeHttp.response();
        cookie.clear(FakeHttp.request("GET", "https://a.example/"), cleared);

        assertThat(set.getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(cleared.getHeader("Cache-Control")).isEqualTo("private, no-store");
    }
}
