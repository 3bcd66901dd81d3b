package io.github.lrjakarta.servlet.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginSyntaxTest {

    @ParameterizedTest
    @CsvSource({
        "https://app.example.com, https, app.example.com, 443, true",
        "http://localhost:3000, http, localhost, 3000, true",
        "http://127.0.0.1, http, 127.0.0.1, 80, true",
        "http://[::1]:8080, http, [::1], 8080, true",
        "https://xn--bcher-kva.example, https, xn--bcher-kva.example, 443, true",
        "https://my_host.example.com, https, my_host.example.com, 443, true",
        "HTTPS://app.example.com, HTTPS, app.example.com, 443, false",
        "https://App.example.com, https, App.example.com, 443, false",
        "https://app.example.com:443, https, app.example.com, 443, false",
        "https://app.example.com:0443, https, app.example.com, 443, false",
        "http://[::ABCD], http, [::ABCD], 80, false",
        "http://app.example.com:443, http, app.example.com, 443, true",
    })
    void parsesSchemeHostEffectivePortAndCanonicalForm(
            String origin, String scheme, String host, int port, boolean canonical) {
        long p = OriginSyntax.parse(origin);

        assertThat(p).isNotEqualTo(OriginSyntax.MALFORMED);
        assertThat(origin.substring(0, OriginSyntax.schemeEnd(p))).isEqualTo(scheme);
        assertThat(origin.substring(OriginSyntax.hostStart(p), OriginSyntax.hostEnd(p))).isEqualTo(host);
        assertThat(OriginSyntax.port(p)).isEqualTo(port);
        assertThat(OriginSyntax.isCanonical(p)).isEqualTo(canonical);
    }

    @Test
    void schemeWithoutDefaultPort() {
        long bare = OriginSyntax.parse("capacitor://localhost");
        long withPort = OriginSyntax.parse("chrome-extension://abcdef:65535");

        assertThat(OriginSyntax.port(bare)).isEqualTo(OriginSyntax.NO_PORT);
        assertThat(OriginSyntax.isCanonical(bare)).isTrue();
        assertThat(OriginSyntax.port(withPort)).isEqualTo(65535);
    }

    @Test
    void lengthLimit() {
        String host = "a".repeat(OriginSyntax.MAX_LENGTH - "https://".length());

        assertThat(OriginSyntax.parse("https://" + host)).isNotEqualTo(OriginSyntax.MALFORMED);
        assertThat(OriginSyntax.parse("https://" + host + "a")).isEqualTo(OriginSyntax.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "1https://a.com",
                "ht tp://a.com",
                "https:/a.com",
                "https:a.com",
                "https://",
                "https://a.com/",
                "https://a.com:",
                "https://a.com:123456",
                "https://a.com:65536",
                "https://a.com:8a",
                "https://a.com:+80",
                "https://.a.com",
                "https://a..com",
                "https://a.com.",
                "https://a.com https://b.com",
                "https://a.com,https://b.com",
                "https://u@a.com",
                "https://a.com\t",
                "https://[]",
                "https://[::1",
                "https://[::1]x",
                "https://[g::1]",
                "https://a%2ecom",
            })
    void malformed(String origin) {
        assertThat(OriginSyntax.parse(origin)).isEqualTo(OriginSyntax.MALFORMED);
    }
}
