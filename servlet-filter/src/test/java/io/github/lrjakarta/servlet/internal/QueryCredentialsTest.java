package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryCredentialsTest {

    @Test
    void takesTokenSessionAndAccountAndKeepsTheRestByteForByte() {
        QueryCredentials c = QueryCredentials.parse("a=1&token=eyJ.x.y&b=%20two&session=kss_1&account=org_9&c", true);

        assertThat(c.token()).isEqualTo("eyJ.x.y");
        assertThat(c.session()).isEqualTo("kss_1");
        assertThat(c.account()).isEqualTo("org_9");
        assertThat(c.strippedQuery()).isEqualTo("a=1&b=%20two&c");
        assertThat(c.location("/app/page")).isEqualTo("/app/page?a=1&b=%20two&c");
    }

    @Test
    void withoutSessionIntakeSessionAndAccountAreTheApplicationsOwn() {
        assertThat(QueryCredentials.parse("session=kss_1&account=org_9", false)).isNull();

        QueryCredentials c = QueryCredentials.parse("token=eyJ.x.y&session=kss_1&account=org_9", false);
        assertThat(c.session()).isNull();
        assertThat(c.strippedQuery()).isEqualTo("session=kss_1&account=org_9");
    }

    @Test
    void theLoginStateIsTakenAndStripped() {
        QueryCredentials c = QueryCredentials.parse("q=1&lr_state=abc&token=eyJ.x.y", false);
        assertThat(c.state()).isEqualTo("abc");
        assertThat(c.strippedQuery()).isEqualTo("q=1");
    }

    @Test
    void aQueryWithOnlyCredentialsRedirectsToThePlainPath() {
        QueryCredentials c = QueryCredentials.parse("token=a.b.c", false);
        assertThat(c.location("/ctx/app")).isEqualTo("/ctx/app");
    }

    @Test
    void accountAloneIsNotACredential() {
        assertThat(QueryCredentials.parse("account=org_1&x=1", true)).isNull();
        assertThat(QueryCredentials.parse("tokens=1&mysession=2", true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token=tpw:abc123", "token=%zz", "token=a.b", "token=a.b.c.d", "token=.b.c", "token=a..c",
        "token=a.b%20.c", "session=kss_x%27%3B--", "session=kss_", "session=ses_abc", "token="})
    void valuesNotShapedLikeLoginRocketsAreTheApplicationsOwn(String query) {
        // e.g. the application's own password-reset page receiving ?token=tpw:...
        assertThat(QueryCredentials.parse(query + "&keep=1", true)).isNull();
    }

    @Test
    void aTokenWithAnEmptySignatureSegmentIsStillJwtShaped() {
        assertThat(QueryCredentials.parse("token=eyJhbGciOiJub25lIn0.e30.", false).token()).isEqualTo("eyJhbGciOiJub25lIn0.e30.");
    }

    @Test
    void repeatedParametersAreAllRemovedAndTheFirstWins() {
        QueryCredentials c = QueryCredentials.parse("token=a.b.first&token=a.b.second&x=1", false);
        assertThat(c.token()).isEqualTo("a.b.first");
        assertThat(c.strippedQuery()).isEqualTo("x=1");
    }

    @ParameterizedTest
    @CsvSource({"//evil.example/x, /evil.example/x", "/\\evil.example, /evil.example", "///a, /a", "/ok, /ok"})
    void theRedirectCannotBecomeProtocolRelative(String requestUri, String expected) {
        assertThat(QueryCredentials.parse("token=a.b.c", false).location(requestUri)).isEqualTo(expected);
    }

    @Test
    void toStringShowsNoValues() {
        assertThat(QueryCredentials.parse("token=secret.To.ken&session=kss_secret", true).toString())
                .doesNotContain("secret");
    }

    @Test
    void preCheckHasNoFalseNegatives() {
        assertThat(QueryCredentials.mayContain("x=1&token=a")).isTrue();
        assertThat(QueryCredentials.mayContain("session=a")).isTrue();
        assertThat(QueryCredentials.mayContain("page=2&sort=name")).isFalse();
    }
}
