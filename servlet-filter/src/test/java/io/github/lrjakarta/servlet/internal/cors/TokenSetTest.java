package io.github.lrjakarta.servlet.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSetTest {

    private final TokenSet headers = TokenSet.headerNames("k", List.of("Content-Type", " Authorization ", "", "content-type"));
    private final TokenSet methods = TokenSet.methods("k", List.of("GET", "PATCH"));

    @Test
    void duplicatesAndBlanksAreDroppedForTheHeaderValue() {
        assertThat(headers.headerValue()).isEqualTo("Content-Type, Authorization");
        assertThat(headers.wildcard()).isFalse();
    }

    @Test
    void headerListsMatchIgnoringCaseWithOptionalWhitespaceAndEmptyElements() {
        assertThat(headers.containsAll("")).isTrue();
        assertThat(headers.containsAll(" , ,")).isTrue();
        assertThat(headers.containsAll("authorization")).isTrue();
        assertThat(headers.containsAll("AUTHORIZATION,content-type")).isTrue();
        assertThat(headers.containsAll(" content-type \t, authorization ")).isTrue();
        assertThat(headers.containsAll("content-type, x-other")).isFalse();
        assertThat(headers.containsAll("content-typ")).isFalse();
        assertThat(headers.containsAll("content-types")).isFalse();
        assertThat(headers.containsAll("content type")).isFalse();
    }

    @Test
    void onlyAsciiLettersFoldCase() {
        TokenSet odd = TokenSet.headerNames("k", List.of("X^Y", "A`B"));

        assertThat(odd.containsAll("x^y, a`b")).isTrue();
        assertThat(odd.containsAll("x~y")).isFalse(); // '~' is '^' + 0x20, but not a letter
        assertThat(odd.containsAll("a@b")).isFalse(); // '@' is '`' - 0x20
        assertThat(odd.containsAll("XžY")).isFalse();
    }

    @Test
    void methodsAreCaseSensitive() {
        assertThat(methods.contains("GET")).isTrue();
        assertThat(methods.contains("PATCH")).isTrue();
        assertThat(methods.contains("patch")).isFalse();
        assertThat(methods.contains("PUT")).isFalse();
        assertThat(methods.contains("")).isFalse();
    }

    @Test
    void wildcardMatchesAnyTokenButNothingElse() {
        TokenSet any = TokenSet.headerNames("k", List.of("*"));

        assertThat(any.wildcard()).isTrue();
        assertThat(any.headerValue()).isEmpty();
        assertThat(any.containsAll("X-Anything, Authorization")).isTrue();
        assertThat(any.containsAll("X-Anything, Not A Token")).isFalse();
        assertThat(TokenSet.methods("k", List.of("*")).contains("PROPFIND")).isTrue();
        assertThat(TokenSet.methods("k", List.of("*")).contains("BAD METHOD")).isFalse();
    }

    @Test
    void emptySetMatchesOnlyTheEmptyList() {
        TokenSet none = TokenSet.headerNames("k", List.of());

        assertThat(none.headerValue()).isEmpty();
        assertThat(none.containsAll("")).isTrue();
        assertThat(none.containsAll("Content-Type")).isFalse();
    }
}
