package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryCredentialsTest {

    @Test
    void takesTokenSessionAndAccountAndKeepsTheRestByteForByte() {
        QueryCredentials c = QueryCredentials.parse("a=1&token=eyJ.x.y&b=%20two&session=kss_1&account=org_9&c");

        assertThat(c.token()).isEqualTo("eyJ.x.y");
        assertThat(c.session()).isEqualTo("kss_1");
        assertThat(c.account()).isEqualTo("org_9");
        assertThat(c.strippedQuery()).isEqualTo("a=1&b=%20two&c");
        assertThat(c.location("/app/page")).isEqualTo("/app/page?a=1&b=%20two&c");
    }

    @Test
    void aQueryWithOnlyCredentialsRedirectsToThePlainPath() {
        QueryCredentials c = QueryCredentials.parse("token=abc");
        assertThat(c.location("/ctx/app")).isEqualTo("/ctx/app");
    }

    @Test
    void accountAloneIsNotACredential() {
        assertThat(QueryCredentials.parse("account=org_1&x=1")).isNull();
        assertThat(QueryCredentials.parse("tokens=1&mysession=2")).isNull();
    }

    @Test
    void undecodableValuesAreStillRemoved() {
        QueryCredentials c = QueryCredentials.parse("token=%zz&keep=1");
        assertThat(c.token()).isEmpty();
        assertThat(c.strippedQuery()).isEqualTo("keep=1");
    }

    @Test
    void repeatedParametersAreAllRemovedAndTheFirstWins() {
        QueryCredentials c = QueryCredentials.parse("token=first&token=second&x=1");
        assertThat(c.token()).isEqualTo("first");
        assertThat(c.strippedQuery()).isEqualTo("x=1");
    }

    @ParameterizedTest
    @CsvSource({"//evil.example/x, /evil.example/x", "/\\evil.example, /evil.example", "///a, /a", "/ok, /ok"})
    void theRedirectCannotBecomeProtocolRelative(String requestUri, String expected) {
        assertThat(QueryCredentials.parse("token=t").location(requestUri)).isEqualTo(expected);
    }

    @Test
    void toStringShowsNoValues() {
        assertThat(QueryCredentials.parse("token=secretToken&session=kss_secret").toString())
                .doesNotContain("secret");
    }

    @Test
    void preCheckHasNoFalseNegatives() {
        assertThat(QueryCredentials.mayContain("x=1&token=a")).isTrue();
        assertThat(QueryCredentials.mayContain("session=a")).isTrue();
        assertThat(QueryCredentials.mayContain("page=2&sort=name")).isFalse();
    }
}
