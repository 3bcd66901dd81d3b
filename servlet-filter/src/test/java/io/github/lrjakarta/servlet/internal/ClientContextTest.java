package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClientContextTest {

    @Test
    void bindsTheBrowsersAgentAndPreferredLanguageUntilClosed() {
        FakeHttp.Request req = FakeHttp.request("GET", "https://a.example/")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                .header("Accept-Language", "fr;q=0.5, es-MX, en;q=0.8");

        try (CallContext.Scope scope = ClientContext.bind(req)) {
            CallOptions bound = CallContext.current().orElseThrow();
            assertThat(bound.endUserAgent()).contains("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
            assertThat(bound.locale()).contains(Locale.forLanguageTag("es-MX"));
        }
        assertThat(CallContext.current()).isEmpty();
    }

    @Test
    void reusesTheOptionsWhileTheSameClientKeepsComingAndRebuildsWhenItChanges() {
        FakeHttp.Request first = FakeHttp.request("GET", "https://a.example/").header("User-Agent", "A").header("Accept-Language", "ja");
        FakeHttp.Request same = FakeHttp.request("GET", "https://a.example/").header("User-Agent", "A").header("Accept-Language", "ja");
        FakeHttp.Request other = FakeHttp.request("GET", "https://a.example/").header("User-Agent", "B");

        CallOptions a;
        try (CallContext.Scope s = ClientContext.bind(first)) {
            a = CallContext.current().orElseThrow();
        }
        try (CallContext.Scope s = ClientContext.bind(same)) {
            assertThat(CallContext.current()).get().isSameAs(a);
        }
        try (CallContext.Scope s = ClientContext.bind(other)) {
            CallOptions b = CallContext.current().orElseThrow();
            assertThat(b.endUserAgent()).contains("B");
            assertThat(b.locale()).isEmpty();
        }
    }

    @Test
    void aRequestWithoutAgentOrLanguageBindsNothing() {
        try (CallContext.Scope scope = ClientContext.bind(FakeHttp.request("GET", "https://a.example/"))) {
            assertThat(CallContext.current()).isEmpty();
        }
    }

    @Test
    void unusableLanguageListsGiveNoLocale() {
        assertThat(ClientContext.preferredLocale(null)).isNull();
        assertThat(ClientContext.preferredLocale("*")).isNull();
        assertThat(ClientContext.preferredLocale("en;q=0")).isNull();
        assertThat(ClientContext.preferredLocale(";;;garbage=")).isNull();
        assertThat(ClientContext.preferredLocale("x".repeat(600))).isNull();
        assertThat(ClientContext.preferredLocale("*, de;q=0.1")).isEqualTo(Locale.GERMAN);
    }
}
