package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.servlet.testing.FakeHttp;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    private static final String API = "https://api.example.com/v1/items";
    private static final String APP = "https://app.example.com";
    private static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private static CorsPolicy allowing(String... origins) {
        return CorsPolicy.builder().allowedOrigins(List.of(origins)).build();
    }

    private static FakeHttp.Request preflight(String origin, String method, String headers) {
        FakeHttp.Request req = FakeHttp.request("OPTIONS", API)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        return headers == null ? req : req.header("Access-Control-Request-Headers", headers);
    }

    private static FakeHttp.Request actual(String method, String origin) {
        return FakeHttp.request(method, API).header("Origin", origin);
    }

    /** Runs a preflight and tells whether it was allowed (204 with the origin echoed). */
    private static boolean preflightAllowed(CorsPolicy policy, String origin) throws IOException {
        FakeHttp.Response res = FakeHttp.response();
        assertThat(policy.handle(preflight(origin, "GET", null), res)).isTrue();
        boolean allowed = res.getStatus() == 204;
        assertThat(res.getHeader("Access-Control-Allow-Origin")).isEqualTo(allowed ? origin : null);
        if (!allowed) {
            assertThat(res.getStatus()).isEqualTo(403);
        }
        return allowed;
    }

    @Nested
    class NonCorsRequests {

        @Test
        void requestWithoutOriginIsLeftUntouchedAfterOneHeaderLookup() throws IOException {
            AtomicInteger lookups = new AtomicInteger();
            FakeHttp.Request fake = FakeHttp.request("POST", API).header("Access-Control-Request-Method", "PUT");
            HttpServletRequestWrapper counting = new HttpServletRequestWrapper(fake) {
                @Override
                public String getHeader(String name) {
                    lookups.incrementAndGet();
                    return super.getHeader(name);
                }

                @Override
                public String getMethod() {
                    throw new AssertionError("no method lookup expected without Origin");
                }
            };
            FakeHttp.Response res = FakeHttp.response();

            assertThat(allowing(APP).handle(counting, res)).isFalse();

            assertThat(lookups).hasValue(1);
            assertThat(res.getHeaderNames()).containsExactly("Vary");
            assertThat(res.getHeader("Vary")).isEqualTo("Origin");
            assertThat(res.getStatus()).isEqualTo(200);
        }

        @Test
        void requestWithoutOriginKeepsTheApplicationsVaryAndAddsOrigin() throws IOException {
            FakeHttp.Response res = FakeHttp.response();
            res.addHeader("Vary", "Accept-Encoding");

            assertThat(allowing(APP).handle(FakeHttp.request("GET", API), res)).isFalse();

            assertThat(res.getHeaders("Vary")).containsExactly("Accept-Encoding", "Origin");
        }

        @Test
        void denyAllPolicyLeavesResponsesWithoutOriginUntouched() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            assertThat(CorsPolicy.builder().build().handle(FakeHttp.request("GET", API), res)).isFalse();

            assertThat(res.getHeaderNames()).isEmpty();
        }

        @Test
        void optionsWithoutRequestMethodIsAnActualRequest() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            assertThat(allowing(APP).handle(actual("OPTIONS", APP), res)).isFalse();

            assertThat(res.getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(res.getHeader("Access-Control-Allow-Methods")).isNull();
            assertThat(res.getStatus()).isEqualTo(200);
        }
    }

    @Nested
    class Preflight {

        @Test
        void allowedPreflightIsAnsweredWith204AndPrecomputedHeaders() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            boolean answered = allowing(APP).handle(preflight(APP, "PUT", "Content-Type, Authorization"), res);

            assertThat(answered).isTrue();
            assertThat(res.getStatus()).isEqualTo(204);
            assertThat(res.getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(res.getHeader("Access-Control-Allow-Methods"))
                    .isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE");
            assertThat(res.getHeader("Access-Control-Allow-Headers"))
                    .isEqualTo("Content-Type, Accept, Accept-Language, Authorization, LR-Agent");
            assertThat(res.getHeader("Access-Control-Max-Age")).isEqualTo("600");
            assertThat(res.containsHeader("Access-Control-Allow-Credentials")).isFalse();
            assertThat(res.containsHeader("Access-Control-Expose-Headers")).isFalse();
            assertThat(res.containsHeader("Access-Control-Allow-Private-Network")).isFalse();
            assertThat(res.headerValues("Vary")).containsExactly(PREFLIGHT_VARY);
        }

        @Test
        void credentialsAreAnnouncedWhenEnabled() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowCredentials(true)
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(preflight(APP, "POST", null), res);

            assertThat(res.getStatus()).isEqualTo(204);
            assertThat(res.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        }

        @Test
        void preflightFromDisallowedOriginGets403WithoutCorsHeaders() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            assertThat(allowing(APP).handle(preflight("https://evil.example.net", "GET", null), res))
                    .isTrue();

            assertThat(res.getStatus()).isEqualTo(403);
            assertThat(res.getHeaderNames()).containsExactly("Vary");
            assertThat(res.getHeader("Vary")).isEqualTo(PREFLIGHT_VARY);
        }

        @Test
        void preflightForDisallowedMethodGets403() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowedMethods(List.of("GET", "POST"))
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            assertThat(policy.handle(preflight(APP, "DELETE", null), res)).isTrue();

            assertThat(res.getStatus()).isEqualTo(403);
            assertThat(res.getHeader("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void methodsAreCaseSensitive() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            allowing(APP).handle(preflight(APP, "patch", null), res);

            assertThat(res.getStatus()).isEqualTo(403);
        }

        @Test
        void preflightAskingForOneDisallowedHeaderGets403() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            allowing(APP).handle(preflight(APP, "POST", "Content-Type, X-Secret-Admin"), res);

            assertThat(res.getStatus()).isEqualTo(403);
            assertThat(res.getHeader("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void requestedHeaderNamesAreComparedIgnoringCaseAndWhitespace() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            allowing(APP).handle(preflight(APP, "POST", " authorization,CONTENT-TYPE ,\tlr-agent,, accept-language"), res);

            assertThat(res.getStatus()).isEqualTo(204);
        }

        @Test
        void rememberedRequestHeadersNeverChangeAnAnswer() throws IOException {
            CorsPolicy policy = allowing(APP);
            String[] lists = {
                "content-type, authorization",
                "content-type, authorization",
                "content-type, authorization, x-evil",
                "content-type, authorization",
                "Authorization",
                "content-type,  authorization",
                "x-evil",
            };
            int[] expected = {204, 204, 403, 204, 204, 204, 403};

            for (int i = 0; i < lists.length; i++) {
                FakeHttp.Response res = FakeHttp.response();
                policy.handle(preflight(APP, "POST", lists[i]), res);
                assertThat(res.getStatus()).as(lists[i]).isEqualTo(expected[i]);
            }
        }

        @Test
        void emptyRequestedHeadersAreAllowed() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            allowing(APP).handle(preflight(APP, "GET", ""), res);

            assertThat(res.getStatus()).isEqualTo(204);
        }

        @Test
        void wildcardMethodsAndHeadersEchoWhatWasAskedFor() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowedMethods(List.of("*"))
                    .allowedHeaders(List.of("*"))
                    .allowCredentials(true)
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(preflight(APP, "PROPFIND", "X-Custom, Authorization"), res);

            assertThat(res.getStatus()).isEqualTo(204);
            assertThat(res.getHeader("Access-Control-Allow-Methods")).isEqualTo("PROPFIND");
            assertThat(res.getHeader("Access-Control-Allow-Headers")).isEqualTo("X-Custom, Authorization");
        }

        @Test
        void wildcardHeadersStillRefuseNonTokens() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowedHeaders(List.of("*"))
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(preflight(APP, "GET", "X-Ok, X Not Ok"), res);

            assertThat(res.getStatus()).isEqualTo(403);
        }

        @Test
        void maxAgeIsSentInWholeSeconds() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .maxAge(Duration.ofMillis(90_900))
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(preflight(APP, "GET", null), res);

            assertThat(res.getHeader("Access-Control-Max-Age")).isEqualTo("90");
        }

        @Test
        void privateNetworkAccessIsAnsweredOnlyWhenEnabled() throws IOException {
            CorsPolicy on = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowPrivateNetwork(true)
                    .build();
            FakeHttp.Response enabled = FakeHttp.response();
            FakeHttp.Response disabled = FakeHttp.response();
            FakeHttp.Response notAsked = FakeHttp.response();

            on.handle(preflight(APP, "GET", null).header("Access-Control-Request-Private-Network", "true"), enabled);
            allowing(APP)
                    .handle(
                            preflight(APP, "GET", null).header("Access-Control-Request-Private-Network", "true"),
                            disabled);
            on.handle(preflight(APP, "GET", null), notAsked);

            assertThat(enabled.getHeader("Access-Control-Allow-Private-Network")).isEqualTo("true");
            assertThat(disabled.getStatus()).isEqualTo(204);
            assertThat(disabled.containsHeader("Access-Control-Allow-Private-Network")).isFalse();
            assertThat(notAsked.containsHeader("Access-Control-Allow-Private-Network")).isFalse();
        }

        @Test
        void nothingIsAllowedByDefault() throws IOException {
            CorsPolicy policy = CorsPolicy.builder().build();
            FakeHttp.Response pre = FakeHttp.response();
            FakeHttp.Response act = FakeHttp.response();

            policy.handle(preflight("http://localhost:3000", "GET", null), pre);
            boolean answered = policy.handle(actual("GET", "http://localhost:3000"), act);

            assertThat(pre.getStatus()).isEqualTo(403);
            assertThat(answered).isFalse();
            assertThat(act.containsHeader("Access-Control-Allow-Origin")).isFalse();
        }
    }

    @Nested
    class ActualRequests {

        @Test
        void allowedOriginIsEchoedWithExposedHeaders() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            assertThat(allowing(APP).handle(actual("POST", APP), res)).isFalse();

            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(res.getHeader("Access-Control-Expose-Headers")).isEqualTo("X-Request-ID");
            assertThat(res.headerValues("Vary")).containsExactly("Origin");
            assertThat(res.containsHeader("Access-Control-Allow-Credentials")).isFalse();
            assertThat(res.containsHeader("Access-Control-Allow-Methods")).isFalse();
            assertThat(res.containsHeader("Access-Control-Max-Age")).isFalse();
        }

        @Test
        void credentialsAndCustomExposedHeaders() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .allowCredentials(true)
                    .exposedHeaders(List.of("X-Request-ID", "Retry-After", "x-request-id"))
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(actual("GET", APP), res);

            assertThat(res.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(res.getHeader("Access-Control-Expose-Headers")).isEqualTo("X-Request-ID, Retry-After");
        }

        @Test
        void noExposedHeadersMeansNoHeader() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .exposedHeaders(List.of())
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(actual("GET", APP), res);

            assertThat(res.containsHeader("Access-Control-Expose-Headers")).isFalse();
        }

        @Test
        void disallowedOriginPassesThroughWithoutCorsHeadersByDefault() throws IOException {
            FakeHttp.Response res = FakeHttp.response();

            assertThat(allowing(APP).handle(actual("POST", "https://evil.example.net"), res))
                    .isFalse();

            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.getHeaderNames()).containsExactly("Vary");
            assertThat(res.getHeader("Vary")).isEqualTo("Origin");
        }

        @Test
        void disallowedOriginIsRefusedWith403WhenConfigured() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .rejectDisallowed(true)
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            assertThat(policy.handle(actual("POST", "https://evil.example.net"), res)).isTrue();

            assertThat(res.getStatus()).isEqualTo(403);
            assertThat(res.containsHeader("Access-Control-Allow-Origin")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://api.example.com", "HTTPS://API.Example.COM:443"})
        void sameOriginRequestIsNeverRefused(String origin) throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .rejectDisallowed(true)
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            assertThat(policy.handle(actual("POST", origin), res)).isFalse();

            assertThat(res.getStatus()).isEqualTo(200);
            assertThat(res.containsHeader("Access-Control-Allow-Origin")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://api.example.com", "https://api.example.com:8443", "https://api.example.co"})
        void nearSameOriginIsStillCrossOrigin(String origin) throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .rejectDisallowed(true)
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            assertThat(policy.handle(actual("POST", origin), res)).isTrue();

            assertThat(res.getStatus()).isEqualTo(403);
        }

        @Test
        void sameOriginOnNonDefaultPortAndIpv6() throws IOException {
            CorsPolicy policy = CorsPolicy.builder().rejectDisallowed(true).build();
            FakeHttp.Response port = FakeHttp.response();
            FakeHttp.Response ipv6 = FakeHttp.response();

            boolean portRefused = policy.handle(
                    FakeHttp.request("POST", "http://localhost:8080/x").header("Origin", "http://localhost:8080"), port);
            boolean ipv6Refused = policy.handle(
                    FakeHttp.request("POST", "http://[::1]:8080/x").header("Origin", "http://[::1]:8080"), ipv6);

            assertThat(portRefused).isFalse();
            assertThat(ipv6Refused).isFalse();
        }
    }

    @Nested
    class OriginMatching {

        @Test
        void wildcardSubdomainMatchesSubdomainsAtAnyDepthButNotTheApexOrLookAlikes() throws IOException {
            CorsPolicy policy = allowing("https://*.example.com");

            assertThat(preflightAllowed(policy, "https://a.example.com")).isTrue();
            assertThat(preflightAllowed(policy, "https://a.b.example.com")).isTrue();
            assertThat(preflightAllowed(policy, "https://A.Example.COM")).isTrue();
            // The apex is deliberately not covered by the wildcard: list it on its own if wanted.
            assertThat(preflightAllowed(policy, "https://example.com")).isFalse();
            assertThat(preflightAllowed(policy, "https://example.com.evil.net")).isFalse();
            assertThat(preflightAllowed(policy, "https://evilexample.com")).isFalse();
            assertThat(preflightAllowed(policy, "https://a.evilexample.com")).isFalse();
            assertThat(preflightAllowed(policy, "https://.example.com")).isFalse();
            assertThat(preflightAllowed(policy, "http://a.example.com")).isFalse();
            assertThat(preflightAllowed(policy, "https://a.example.com:8443")).isFalse();
        }

        @Test
        void apexAndWildcardTogether() throws IOException {
            CorsPolicy policy = allowing("https://*.example.com", "https://example.com");

            assertThat(preflightAllowed(policy, "https://example.com")).isTrue();
            assertThat(preflightAllowed(policy, "https://www.example.com")).isTrue();
        }

        @Test
        void wildcardWithPort() throws IOException {
            CorsPolicy policy = allowing("http://*.dev.example.com:8080");

            assertThat(preflightAllowed(policy, "http://a.dev.example.com:8080")).isTrue();
            assertThat(preflightAllowed(policy, "http://a.dev.example.com")).isFalse();
        }

        @Test
        void caseAndDefaultPortsAreNormalisedOnBothSides() throws IOException {
            CorsPolicy policy = allowing("HTTPS://App.Example.com:443", "http://localhost:80", "http://localhost:3000");

            assertThat(preflightAllowed(policy, "https://app.example.com")).isTrue();
            assertThat(preflightAllowed(policy, "https://APP.example.com")).isTrue();
            assertThat(preflightAllowed(policy, "https://app.example.com:443")).isTrue();
            assertThat(preflightAllowed(policy, "https://app.example.com:0443")).isTrue();
            assertThat(preflightAllowed(policy, "http://localhost")).isTrue();
            assertThat(preflightAllowed(policy, "http://localhost:3000")).isTrue();
            assertThat(preflightAllowed(policy, "http://localhost:3001")).isFalse();
            assertThat(preflightAllowed(policy, "http://app.example.com")).isFalse();
            assertThat(preflightAllowed(policy, "https://app.example.com:8443")).isFalse();
        }

        @Test
        void nullOriginIsRefusedUnlessListed() throws IOException {
            assertThat(preflightAllowed(allowing(APP), "null")).isFalse();
            assertThat(preflightAllowed(allowing("*"), "null")).isFalse();
            assertThat(preflightAllowed(allowing(APP, "null"), "null")).isTrue();
        }

        @Test
        void starAllowsAnyWellFormedOriginAndEchoesIt() throws IOException {
            CorsPolicy policy = allowing("*");

            assertThat(preflightAllowed(policy, "https://anything.example.org")).isTrue();
            assertThat(preflightAllowed(policy, "capacitor://localhost")).isTrue();
            assertThat(preflightAllowed(policy, "https://a.example.org/path")).isFalse();
        }

        @Test
        void nonHttpSchemesWithoutDefaultPort() throws IOException {
            CorsPolicy policy = allowing("capacitor://localhost");

            assertThat(preflightAllowed(policy, "capacitor://localhost")).isTrue();
            assertThat(preflightAllowed(policy, "capacitor://localhost:80")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    " ",
                    "garbage",
                    "https://app.example.com/",
                    "https://app.example.com/path",
                    "https://app.example.com?x=1",
                    "https://app.example.com#f",
                    "https://user@app.example.com",
                    "https://user:pw@app.example.com",
                    " https://app.example.com",
                    "https://app.example.com ",
                    "https://app.example.com https://evil.example.net",
                    "https://app.example.com, https://evil.example.net",
                    "https://app.example.com:",
                    "https://app.example.com:99999",
                    "https://app.example.com:443443",
                    "https://app.example.com:-1",
                    "https://app.example.com.",
                    "https://app..example.com",
                    "https://",
                    "https:/app.example.com",
                    "//app.example.com",
                    "app.example.com",
                    "https://[::1",
                    "https://[]",
                    "https://[zz]",
                    "https://app.exa%6Dple.com",
                    "https://app.example.com\u0000",
                    "https://äpp.example.com",
                    "NULL",
                })
        void malformedOriginsAreRejectedCleanly(String origin) throws IOException {
            CorsPolicy lenient = allowing(APP, "https://*.example.com");
            CorsPolicy strict = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP, "https://*.example.com"))
                    .rejectDisallowed(true)
                    .build();
            FakeHttp.Response pre = FakeHttp.response();
            FakeHttp.Response passed = FakeHttp.response();
            FakeHttp.Response refused = FakeHttp.response();

            assertThat(lenient.handle(preflight(origin, "GET", null), pre)).isTrue();
            assertThat(lenient.handle(actual("GET", origin), passed)).isFalse();
            assertThat(strict.handle(actual("GET", origin), refused)).isTrue();

            assertThat(pre.getStatus()).isEqualTo(403);
            assertThat(passed.containsHeader("Access-Control-Allow-Origin")).isFalse();
            assertThat(refused.getStatus()).isEqualTo(403);
        }

        @Test
        void overlongOriginIsRejectedCleanly() throws IOException {
            String origin = "https://" + "a".repeat(600) + ".example.com";
            FakeHttp.Response res = FakeHttp.response();

            allowing("*").handle(preflight(origin, "GET", null), res);

            assertThat(res.getStatus()).isEqualTo(403);
        }
    }

    @Nested
    class Vary {

        @Test
        void varyIsAppendedToAnExistingValueNotReplaced() throws IOException {
            FakeHttp.Response res = FakeHttp.response();
            res.setHeader("Vary", "Accept-Encoding");

            allowing(APP).handle(actual("GET", APP), res);

            assertThat(res.headerValues("Vary")).containsExactly("Accept-Encoding", "Origin");
        }

        @Test
        void varyAlreadyListingOriginIsNotDuplicated() throws IOException {
            FakeHttp.Response res = FakeHttp.response();
            res.setHeader("Vary", "accept-encoding, origin");

            allowing(APP).handle(actual("GET", APP), res);

            assertThat(res.headerValues("Vary")).containsExactly("accept-encoding, origin");
        }

        @Test
        void preflightAddsOnlyTheMissingNames() throws IOException {
            FakeHttp.Response res = FakeHttp.response();
            res.addHeader("Vary", "Accept-Encoding");
            res.addHeader("Vary", "Origin");

            allowing(APP).handle(preflight(APP, "GET", null), res);

            assertThat(res.headerValues("Vary"))
                    .containsExactly(
                            "Accept-Encoding", "Origin", "Access-Control-Request-Method, Access-Control-Request-Headers");
        }

        @Test
        void varyStarIsLeftAlone() throws IOException {
            FakeHttp.Response res = FakeHttp.response();
            res.setHeader("Vary", "*");

            allowing(APP).handle(actual("GET", "https://other.example.org"), res);

            assertThat(res.headerValues("Vary")).containsExactly("*");
        }
    }

    @Nested
    class Build {

        @Test
        void starWithCredentialsIsRefusedNamingBothKeysAndTheFix() {
            CorsPolicy.Builder builder =
                    CorsPolicy.builder().allowedOrigins(List.of(APP, "*")).allowCredentials(true);

            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loginrocket.cors.allowed-origins")
                    .hasMessageContaining("loginrocket.cors.allow-credentials")
                    .hasMessageContaining("List the allowed origins");
        }

        @Test
        void exposedStarWithCredentialsIsRefused() {
            CorsPolicy.Builder builder = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .exposedHeaders(List.of("*"))
                    .allowCredentials(true);

            assertThatThrownBy(builder::build)
                    .hasMessageContaining("loginrocket.cors.exposed-headers")
                    .hasMessageContaining("loginrocket.cors.allow-credentials");
        }

        @Test
        void exposedStarWithoutCredentialsIsSent() throws IOException {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(APP))
                    .exposedHeaders(List.of("*", "X-Request-ID"))
                    .build();
            FakeHttp.Response res = FakeHttp.response();

            policy.handle(actual("GET", APP), res);

            assertThat(res.getHeader("Access-Control-Expose-Headers")).isEqualTo("*, X-Request-ID");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://app.example.com/",
                    "https://app.example.com/path",
                    "app.example.com",
                    "https://user@app.example.com",
                    "https://*.com",
                    "https://*.example.*",
                    "https://a.*.example.com",
                    "https://*example.com",
                    "*.example.com",
                    "https://*.[::1]",
                    "https://*.",
                })
        void invalidOriginEntriesAreRefusedNamingKeyAndEntry(String entry) {
            CorsPolicy.Builder builder = CorsPolicy.builder().allowedOrigins(List.of(entry));

            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("loginrocket.cors.allowed-origins: '" + entry + "'");
        }

        @Test
        void nullEntryIsRefusedNamingTheKey() {
            List<String> origins = new ArrayList<>(Arrays.asList(APP, null));

            assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins(origins).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loginrocket.cors.allowed-origins");
        }

        @Test
        void invalidMethodAndHeaderTokensAreRefused() {
            assertThatThrownBy(() -> CorsPolicy.builder()
                            .allowedMethods(List.of("GET", "GE T"))
                            .build())
                    .hasMessageStartingWith("loginrocket.cors.allowed-methods: 'GE T'");
            assertThatThrownBy(() -> CorsPolicy.builder()
                            .allowedHeaders(List.of("X-Ok", "X:Bad"))
                            .build())
                    .hasMessageStartingWith("loginrocket.cors.allowed-headers: 'X:Bad'");
            assertThatThrownBy(() -> CorsPolicy.builder()
                            .exposedHeaders(List.of("X\r\nSet-Cookie: a=b"))
                            .build())
                    .hasMessageStartingWith("loginrocket.cors.exposed-headers:");
        }

        @Test
        void negativeMaxAgeIsRefused() {
            CorsPolicy.Builder builder = CorsPolicy.builder().maxAge(Duration.ofSeconds(-1));

            assertThatThrownBy(builder::build).hasMessageStartingWith("loginrocket.cors.max-age:");
        }

        @Test
        void blankEntriesAreIgnoredAndToStringShowsTheConfiguration() {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(List.of(" ", "HTTPS://App.Example.com:443", "https://*.Example.org", "null"))
                    .build();

            assertThat(policy.toString())
                    .contains("allowedOrigins=[https://app.example.com, https://*.example.org, null]")
                    .contains("allowedMethods=[GET, HEAD, POST, PUT, PATCH, DELETE]")
                    .contains("maxAge=PT10M")
                    .contains("allowCredentials=false");
            assertThat(CorsPolicy.builder().build().toString()).contains("allowedOrigins=[] (deny all)");
        }
    }
}
