package io.github.lrjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestParsingTest {

    @Test
    void preferredLocaleFollowsWeightsAndSkipsWildcards() {
        assertThat(CurrentRequest.preferredLocale("fr;q=0.5, ja;q=0.9")).isEqualTo(Locale.JAPANESE);
        assertThat(CurrentRequest.preferredLocale("*, es;q=0.1")).isEqualTo(new Locale("es"));
        assertThat(CurrentRequest.preferredLocale("en-GB")).isEqualTo(Locale.UK);
    }

    @Test
    void unusableAcceptLanguageGivesNoLocale() {
        assertThat(CurrentRequest.preferredLocale(null)).isNull();
        assertThat(CurrentRequest.preferredLocale("  ")).isNull();
        assertThat(CurrentRequest.preferredLocale("*")).isNull();
        assertThat(CurrentRequest.preferredLocale("en;q=abc")).isNull();
        assertThat(CurrentRequest.preferredLocale("en,".repeat(200))).isNull();
    }

    @Test
    void bearerTokenIsTakenCaseInsensitively() {
        assertThat(SessionLookup.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(SessionLookup.bearerToken("bearer   abc ")).isEqualTo("abc");
        assertThat(SessionLookup.bearerToken("BEARER x")).isEqualTo("x");
    }

    @Test
    void otherAuthorizationHeadersGiveNoToken() {
        assertThat(SessionLookup.bearerToken(null)).isNull();
        assertThat(SessionLookup.bearerToken("Bearer ")).isNull();
        assertThat(SessionLookup.bearerToken("Bearer    ")).isNull();
        assertThat(SessionLookup.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(SessionLookup.bearerToken("Bearerabc")).isNull();
    }
}
