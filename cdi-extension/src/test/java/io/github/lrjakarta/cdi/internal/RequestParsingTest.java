package io.github.lrjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestParsingTest {

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
