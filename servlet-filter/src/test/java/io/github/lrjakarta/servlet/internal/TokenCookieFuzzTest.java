package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.lrjakarta.servlet.testing.FakeHttp;

/**
 * Fuzzes {@link TokenCookie#read}, which runs on every request and parses the attacker-supplied
 * {@code Cookie} header by hand. Regression inputs live under {@code
 * TokenCookieFuzzTestInputs/<method>/}.
 *
 * <p>The result is compared with a plain reference parse of RFC 6265's {@code cookie-string}
 * (pairs split at {@code ;}, leading spaces dropped, a pair with exactly our name, none if it is there twice,
 * its value trimmed and unquoted, empty meaning absent); the value never contains {@code ;}.
 */
class TokenCookieFuzzTest {

    private static final String NAME = "loginrocket_token";
    private static final TokenCookie COOKIE = new TokenCookie(NAME, null, false);

    @FuzzTest(maxDuration = "3m")
    void anyCookieHeader(FuzzedDataProvider data) {
        StringBuilder header = new StringBuilder();
        int parts = data.consumeInt(0, 5);
        for (int i = 0; i < parts; i++) {
            // our name, near misses and noise, so the interesting branches are reached
            header.append(data.pickValue(new String[] {NAME, NAME + "x", "x" + NAME, "LOGINROCKET_TOKEN", " " + NAME, ""}))
                    .append(data.consumeString(30));
        }
        header.append(data.consumeRemainingAsString());
        String cookieHeader = header.toString();

        String value = COOKIE.read(FakeHttp.request("GET", "https://app.example.com/").header("Cookie", cookieHeader));

        assertThat(value).as("value in %s", cookieHeader).isEqualTo(reference(cookieHeader));
        if (value != null) {
            assertThat(value).isNotEmpty().doesNotContain(";");
        }
    }

    /** Our name more than once counts as none: a sibling subdomain may have planted one. */
    private static String reference(String header) {
        String found = null;
        for (String pair : header.split(";", -1)) {
            String p = pair.replaceAll("^ +", "");
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(NAME)) {
                if (found != null) {
                    return null;
                }
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                found = v;
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }
}
