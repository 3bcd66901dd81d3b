package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link QueryCredentials}, which reads {@code ?token=&session=&account=} from any URL a
 * browser is sent to and builds the redirect that removes them. Regression inputs live under {@code
 * QueryCredentialsFuzzTestInputs/<method>/}.
 *
 * <p>Invariants: {@link QueryCredentials#mayContain} has no false negatives; {@code parse} finds
 * credentials exactly when a {@code token} or {@code session} parameter is present, and the stripped
 * query is the original's other non-empty parameters, byte for byte, in order; the redirect
 * location is a path on this host (not {@code //host} or {@code /\host}, even after a browser drops
 * tabs and line breaks) and carries no credential parameter.
 */
class QueryCredentialsFuzzTest {

    /** The first finding of {@link #anyQueryAndPath}: a bare {@code token} was parsed, but mayContain said no. */
    @Test
    void aBareTokenParameterIsSeenByTheCheapCheckToo() {
        // A bare token is no credential since the filter takes only JWT-shaped values; the cheap check still says maybe.
        assertThat(QueryCredentials.parse("token&x=1", true)).isNull();
        assertThat(QueryCredentials.mayContain("token&x=1")).isTrue();
        assertThat(QueryCredentials.mayContain("session")).isTrue();
    }

    /** A browser drops tabs and line breaks from a Location: "/\t/evil.example" would be "//evil.example". */
    @Test
    void theRedirectStaysOnThisHostWhateverLeadsThePath() {
        QueryCredentials q = QueryCredentials.parse("token=eyJ.x.y&a=1", true);
        assertThat(q.location("/\t/evil.example/x")).isEqualTo("/evil.example/x?a=1");
        assertThat(q.location("\r\n\\/evil.example")).isEqualTo("/evil.example?a=1");
        assertThat(q.location("/app/\tpage")).isEqualTo("/app/\tpage?a=1");
    }

    @FuzzTest(maxDuration = "3m")
    void anyQueryAndPath(FuzzedDataProvider data) {
        String uri = data.consumeString(40);
        String query = data.consumeRemainingAsString();

        QueryCredentials q = QueryCredentials.parse(query, true);

        List<String> kept = new ArrayList<>();
        boolean credentials = false;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            if (name.equals("token") && QueryCredentials.isJwtShaped(value)
                    || name.equals("session") && QueryCredentials.isId(value, "kss_")
                    || name.equals(LoginState.PARAMETER)) {
                credentials = true;
            } else if (!name.equals("account") && !pair.isEmpty()) {
                kept.add(pair);
            }
        }
        assertThat(q != null).as("credentials found in %s", query).isEqualTo(credentials);
        if (credentials) {
            assertThat(QueryCredentials.mayContain(query)).as("mayContain(%s)", query).isTrue();
        }
        if (q == null) {
            return;
        }
        assertThat(q.strippedQuery()).isEqualTo(String.join("&", kept));

        String location = q.location(uri);
        String asBrowserReadsIt = location.replaceAll("[\\t\\n\\r]", "");
        assertThat(asBrowserReadsIt).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
        int queryStart = location.indexOf('?');
        if (queryStart >= 0 && !uri.contains("?")) {
            for (String pair : location.substring(queryStart + 1).split("&", -1)) {
                assertThat(pair).doesNotStartWith("session=").doesNotStartWith("account=");
                assertThat(pair.startsWith("token=") && QueryCredentials.isJwtShaped(decoded(pair.substring(6))))
                        .as("a JWT-shaped token left in %s", location).isFalse();
            }
        }
    }

    private static String decoded(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
