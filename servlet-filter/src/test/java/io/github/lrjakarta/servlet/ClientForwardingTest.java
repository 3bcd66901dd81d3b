package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.RetryPolicy;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientForwardingTest {

    private static FakeHttp.Request browser(String agent, String language) {
        FakeHttp.Request req = FakeHttp.request("GET", "https://a.example/");
        return language == null ? req.header("User-Agent", agent)
                : req.header("User-Agent", agent).header("Accept-Language", language);
    }

    @Test
    void bindsTheBrowsersAgentAndPreferredLanguageUntilClosed() {
        FakeHttp.Request req = browser("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "fr;q=0.5, es-MX, en;q=0.8");

        try (CallContext.Scope scope = ClientForwarding.bind(req)) {
            CallOptions bound = CallContext.current().orElseThrow();
            assertThat(bound.endUserAgent()).contains("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
            assertThat(bound.locale()).contains(Locale.forLanguageTag("es-MX"));
        }
        assertThat(CallContext.current()).isEmpty();
    }

    @Test
    void theHeadersAreReadOnlyWhenALoginRocketCallAsksAndOncePerRequest() {
        FakeHttp.Request req = browser("A/1", "ja");

        try (CallContext.Scope scope = ClientForwarding.bind(req)) {
            assertThat(req.headerReads()).as("binding reads nothing").isEmpty();
            CallOptions first = CallContext.current().orElseThrow();
            assertThat(CallContext.current()).get().isSameAs(first);
            assertThat(req.headerReads()).containsExactly("User-Agent", "Accept-Language");
        }
        FakeHttp.Request untouched = browser("A/1", "ja");
        try (CallContext.Scope scope = ClientForwarding.bind(untouched)) {
            assertThat(scope).isNotNull();
        }
        assertThat(untouched.headerReads()).as("a request that calls nobody costs no header lookups").isEmpty();
    }

    @Test
    void eachRequestOnTheThreadGetsItsOwnClient() {
        String[][] clients = {{"A", "ja"}, {"A", "ja"}, {"B", null}, {"A", "es"}};
        for (String[] client : clients) {
            try (CallContext.Scope s = ClientForwarding.bind(browser(client[0], client[1]))) {
                CallOptions bound = CallContext.current().orElseThrow();
                assertThat(bound.endUserAgent()).contains(client[0]);
                assertThat(bound.locale()).isEqualTo(
                        Optional.ofNullable(client[1]).map(Locale::forLanguageTag));
            }
            assertThat(CallContext.current()).isEmpty();
        }
    }

    @Test
    void aRequestWithoutAgentOrLanguageBindsOnlyOneAttemptPerCall() {
        CallOptions oneAttempt = CallOptions.builder().retryPolicy(RetryPolicy.none()).build();
        try (CallContext.Scope scope = ClientForwarding.bind(FakeHttp.request("GET", "https://a.example/"))) {
            assertThat(CallContext.current()).contains(oneAttempt);
        }
        try (CallContext.Scope scope = ClientForwarding.bind(browser("  ", "*"))) {
            assertThat(CallContext.current()).as("nothing usable").contains(oneAttempt);
        }
        assertThat(ClientForwarding.options(FakeHttp.request("GET", "https://a.example/"))).isNull();
    }

    @Test
    void everyCallDuringARequestGetsOneAttemptSoNoRequestThreadSleeps() {
        try (CallContext.Scope scope = ClientForwarding.bind(browser("Firefox", "es"))) {
            assertThat(CallContext.current().flatMap(CallOptions::retryPolicy)).contains(RetryPolicy.none());
            assertThat(CallContext.current().flatMap(CallOptions::endUserAgent)).contains("Firefox");
        }
    }

    @Test
    void unusableLanguageListsGiveNoLocale() {
        assertThat(ClientForwarding.preferredLocale(null)).isNull();
        assertThat(ClientForwarding.preferredLocale("*")).isNull();
        assertThat(ClientForwarding.preferredLocale("en;q=0")).isNull();
        assertThat(ClientForwarding.preferredLocale(";;;garbage=")).isNull();
        assertThat(ClientForwarding.preferredLocale("x".repeat(600))).isNull();
        assertThat(ClientForwarding.preferredLocale("*, de;q=0.1")).isEqualTo(Locale.GERMAN);
        assertThat(ClientForwarding.preferredLocale("en;q=abc")).isNull();
    }

    @Test
    void preferredLanguageFollowsTheWeights() {
        assertThat(ClientForwarding.preferredLocale("fr;q=0.5, ja;q=0.9")).isEqualTo(Locale.JAPANESE);
        assertThat(ClientForwarding.preferredLocale("en-GB")).isEqualTo(Locale.UK);
    }
}
