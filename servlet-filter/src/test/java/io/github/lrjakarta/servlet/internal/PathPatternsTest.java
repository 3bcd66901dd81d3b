package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathPatternsTest {

    private final PathPatterns patterns = PathPatterns.parse("/app/*, /api/*, /exact, *.jsp");

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        // servlet path + path info, as "/" and "/*" mappings split them
        "/app, null, true",
        "/app/, null, true",
        "/app/x/y, null, true",
        "'', /app/x, true",
        "/app, /x, true",
        "/ap, p/x, true",
        "/application, null, false",
        "'', /application, false",
        "/api/v1, null, true",
        "/exact, null, true",
        "'', /exact, true",
        "/exact/more, null, false",
        "/exac, null, false",
        "/public/page.jsp, null, true",
        "'', /a.jsp, true",
        "/a.js, p, true",
        "/a.jspx, null, false",
        "/, null, false",
        "'', null, false",
        "/public, null, false"
    })
    void matchesTheVirtualConcatenationOfServletPathAndPathInfo(String servletPath, String pathInfo, boolean expected) {
        assertThat(patterns.matches(servletPath, pathInfo)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/*", "/"})
    void catchAllPatternsMatchEverything(String pattern) {
        PathPatterns all = PathPatterns.compile(List.of(pattern));
        assertThat(all.matches("", null)).isTrue();
        assertThat(all.matches("/anything", "/else")).isTrue();
    }

    @Test
    void noPatternsMatchNothing() {
        assertThat(PathPatterns.parse(" , ").isEmpty()).isTrue();
        assertThat(PathPatterns.none().matches("/app", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app/*", "/app*", "/a/*/b", "*.j*", "/**", "^/app/.*", "*", "*./x"})
    void anythingButServletPatternSyntaxIsRefusedWithTheAcceptedForms(String bad) {
        assertThatThrownBy(() -> PathPatterns.compile(List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'")
                .hasMessageContaining("/prefix/*");
    }

    @Test
    void equalsPathComparesAcrossTheSplit() {
        assertThat(PathPatterns.equalsPath("/log", "out", "/logout")).isTrue();
        assertThat(PathPatterns.equalsPath("", "/logout", "/logout")).isTrue();
        assertThat(PathPatterns.equalsPath("/logout", null, "/logout")).isTrue();
        assertThat(PathPatterns.equalsPath("/logout", "/x", "/logout")).isFalse();
        assertThat(PathPatterns.equalsPath("/login", null, "/logout")).isFalse();
    }
}
