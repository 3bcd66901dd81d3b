package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link CorsPolicy#handle} with hostile {@code Origin}, {@code Access-Control-Request-Method},
 * {@code Access-Control-Request-Headers} and {@code Access-Control-Request-Private-Network} values on
 * in-memory requests. Regression inputs live under {@code CorsPolicyFuzzTestInputs/<method>/}.
 *
 * <p>The policy's decision is checked against an independent, slow oracle written with a regular
 * expression from the documented rules (case-insensitive scheme and host, default ports, wildcard
 * for subdomains only): {@code Access-Control-Allow-Origin} is set exactly when the oracle allows
 * the origin (and, for a preflight, the method and headers are allowed), and then echoes the
 * request's origin; every response to a request with an {@code Origin} varies by it; a refused
 * preflight carries no CORS headers; nothing throws.
 */
class CorsPolicyFuzzTest {

    private static final CorsPolicy POLICY = CorsPolicy.builder()
            .allowedOrigins(List.of("https://app.example.com", "http://localhost:8080", "https://*.example.org"))
            .allowCredentials(true)
            .allowPrivateNetwork(true)
            .rejectDisallowed(true)
            .build();

    private static final String SELF = "https://api.example.net:443";
    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://([a-z0-9_-]+(?:\\.[a-z0-9_-]+)*)(?::([0-9]{1,5}))?");
    private static final String[] ORIGINS = {
        "https://app.example.com", "HTTPS://APP.EXAMPLE.COM:443", "https://app.example.com:0443", "http://localhost:8080",
        "https://a.example.org", "https://a.b.example.org", "https://example.org", "https://evil.com", "null",
        "https://app.example.com.evil.com", "https://app.example.com/", "https://xexample.org", "http://[::1]:8080"
    };
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "get", "TRACE", ""};
    private static final String[] HEADERS = {"Content-Type", "content-type, authorization", "X-Evil", "", " , ,", "Authorization,X-Requested-With"};

    @FuzzTest(maxDuration = "3m")
    void anyCrossOriginRequest(FuzzedDataProvider data) throws IOException {
        String method = data.pickValue(new String[] {"OPTIONS", "GET", "POST", "options"});
        String origin = data.consumeBoolean() ? data.pickValue(ORIGINS) + (data.consumeBoolean() ? "" : data.consumeString(8))
                : data.consumeString(80);
        String requestMethod = data.consumeBoolean() ? null : data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(10);
        String requestHeaders = data.consumeBoolean() ? null : data.consumeBoolean() ? data.pickValue(HEADERS) : data.consumeString(60);
        String privateNetwork = data.consumeBoolean() ? null : data.consumeString(6);

        FakeHttp.Request req = FakeHttp.request(method, "https://api.example.net/v1/items").header("Origin", origin);
        if (requestMethod != null) {
            req.header("Access-Control-Request-Method", requestMethod);
        }
        if (requestHeaders != null) {
            req.header("Access-Control-Request-Headers", requestHeaders);
        }
        if (privateNetwork != null) {
            req.header("Access-Control-Request-Private-Network", privateNetwork);
        }
        FakeHttp.Response res = FakeHttp.response();

        boolean done = POLICY.handle(req, res);

        String allowOrigin = res.getHeader("Access-Control-Allow-Origin");
        assertThat(res.headerValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Origin"));
        boolean preflight = method.equals("OPTIONS") && requestMethod != null;
        boolean originAllowed = oracleAllows(origin);
        boolean expectAllowOrigin;
        if (preflight) {
            assertThat(done).isTrue();
            boolean methodAllowed = CorsPolicy.DEFAULT_ALLOWED_METHODS.contains(requestMethod);
            boolean headersAllowed = requestHeaders == null || headersAllowed(requestHeaders);
            expectAllowOrigin = originAllowed && methodAllowed && headersAllowed;
            assertThat(res.getStatus()).as("preflight status").isEqualTo(expectAllowOrigin ? 204 : 403);
            if (!expectAllowOrigin) {
                assertThat(res.getHeaderNames()).as("headers of a refused preflight")
                        .noneMatch(h -> h.regionMatches(true, 0, "Access-Control-", 0, 15));
            }
        } else {
            expectAllowOrigin = originAllowed;
            boolean refused = !originAllowed && !SELF.equals(normalized(origin));
            assertThat(done).as("refused").isEqualTo(refused);
            assertThat(res.getStatus()).isEqualTo(refused ? 403 : 200);
        }
        assertThat(allowOrigin != null).as("Access-Control-Allow-Origin for %s", origin).isEqualTo(expectAllowOrigin);
        if (allowOrigin != null) {
            assertThat(allowOrigin).isEqualTo(origin);
        }
    }

    /** The documented rules, written the slow and obvious way. */
    static boolean oracleAllows(String origin) {
        String n = normalized(origin);
        return n != null && (n.equals("https://app.example.com:443") || n.equals("http://localhost:8080")
                || n.startsWith("https://") && n.endsWith(".example.org:443"));
    }

    /** {@code scheme://host:port} in lower case with the default port filled in, or null if not an origin. */
    static String normalized(String origin) {
        if (origin.length() > 512 || !origin.chars().allMatch(c -> c < 128)) {
            return null;
        }
        Matcher m = ORIGIN.matcher(origin.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        int port = m.group(3) == null ? (scheme.equals("https") ? 443 : 80) : Integer.parseInt(m.group(3));
        return port > 65535 ? null : scheme + "://" + m.group(2) + ":" + port;
    }

    private static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(c -> sb.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
        return sb.toString();
    }

    private static boolean headersAllowed(String requested) {
        for (String h : requested.split(",", -1)) {
            String name = h.replaceAll("^[ \\t]+|[ \\t]+$", "");
            if (!name.isEmpty() && CorsPolicy.DEFAULT_ALLOWED_HEADERS.stream()
                    .noneMatch(a -> a.toLowerCase(Locale.ROOT).equals(asciiLower(name)))) {
                return false;
            }
        }
        return true;
    }
}
