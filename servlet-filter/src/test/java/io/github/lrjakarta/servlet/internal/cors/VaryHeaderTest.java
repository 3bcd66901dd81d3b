package io.github.lrjakarta.servlet.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.servlet.testing.FakeHttp;
import org.junit.jupiter.api.Test;

class VaryHeaderTest {

    @Test
    void elementsAreFoundIgnoringCaseAndWhitespaceButNotAsSubstrings() {
        assertThat(VaryHeader.containsElement("Accept-Encoding, Origin", "origin")).isTrue();
        assertThat(VaryHeader.containsElement(" origin ", "Origin")).isTrue();
        assertThat(VaryHeader.containsElement("X-Origin", "Origin")).isFalse();
        assertThat(VaryHeader.containsElement("Origins", "Origin")).isFalse();
        assertThat(VaryHeader.containsElement("", "Origin")).isFalse();
    }

    @Test
    void addsAsOneFieldWhenAbsentAndOnlyMissingNamesOtherwise() {
        VaryHeader vary = new VaryHeader("Origin", "Access-Control-Request-Method");
        FakeHttp.Response fresh = FakeHttp.response();
        FakeHttp.Response partial = FakeHttp.response();
        partial.addHeader("Vary", "Accept-Encoding,ORIGIN");

        vary.appendTo(fresh);
        vary.appendTo(partial);
        vary.appendTo(partial);

        assertThat(fresh.headerValues("Vary")).containsExactly("Origin, Access-Control-Request-Method");
        assertThat(partial.headerValues("Vary"))
                .containsExactly("Accept-Encoding,ORIGIN", "Access-Control-Request-Method");
    }
}
