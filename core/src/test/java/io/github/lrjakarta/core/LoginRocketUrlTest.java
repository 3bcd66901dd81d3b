package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoginRocketUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://sample.e2.loginrocket.com",
        "https://sample.e2.loginrocket.com/",
        "https://sample.e2.loginrocket.com/v2",
        "https://sample.e2.loginrocket.com/v2/",
        " https://SAMPLE.e2.loginrocket.com/v2/ "
    })
    void apiBaseIsNormalisedToV2(String configured) {
        LoginRocketUrl url = LoginRocketUrl.parse(configured, false);

        assertThat(url.apiBase()).hasToString("https://sample.e2.loginrocket.com/v2/");
        assertThat(url.jwksUri()).hasToString("https://sample.e2.loginrocket.com/connect/jwks");
        assertThat(url.webUri("/login")).hasToString("https://sample.e2.loginrocket.com/login");
    }

    @Test
    void customDomainsAndPortsAndPathPrefixesAreKept() {
        LoginRocketUrl url = LoginRocketUrl.parse("https://login.example.com:8443/auth", false);

        assertThat(url.apiBase()).hasToString("https://login.example.com:8443/auth/v2/");
        assertThat(url.jwksUri()).hasToString("https://login.example.com:8443/auth/connect/jwks");
        assertThat(url.isHttps()).isTrue();
        assertThat(url.isLoopback()).isFalse();
    }

    @Test
    void plainHttpToARemoteHostIsRefusedEvenWhenLoopbackIsAllowed() {
        assertThatThrownBy(() -> LoginRocketUrl.parse("http://sample.e2.loginrocket.com", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginrocket.url")
                .hasMessageContaining("https only");
    }

    @Test
    void plainHttpToLoopbackNeedsTheExplicitSetting() {
        assertThatThrownBy(() -> LoginRocketUrl.parse("http://127.0.0.1:8080", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginrocket.allow-insecure-loopback=true");

        assertThat(LoginRocketUrl.parse("http://127.0.0.1:8080", true).apiBase())
                .hasToString("http://127.0.0.1:8080/v2/");
        assertThat(LoginRocketUrl.parse("http://localhost:8080/v2", true).isLoopback()).isTrue();
        assertThat(LoginRocketUrl.parse("http://[::1]:8080", true).apiBase()).hasToString("http://[::1]:8080/v2/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "sample.e2.loginrocket.com", "ftp://x.example.com", "https://x.example.com/?a=b",
        "https://user:pw@x.example.com", "https://x.example.com/#frag", "https://exa mple.com"})
    void malformedUrlsAreRejectedNamingTheKey(String configured) {
        assertThatThrownBy(() -> LoginRocketUrl.parse(configured, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("loginrocket.url");
    }

    @Test
    void credentialsInARejectedUrlAreNotEchoed() {
        assertThatThrownBy(() -> LoginRocketUrl.parse("https://user:secret@x.example.com", true))
                .hasMessageNotContaining("secret");
    }
}
