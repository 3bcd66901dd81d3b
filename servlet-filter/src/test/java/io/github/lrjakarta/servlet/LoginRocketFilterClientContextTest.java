package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser's agent and language are bound lazily while a request is in the filter: read only
 * if the application calls LoginRocket, right for each request, and gone when the request leaves.
 */
class LoginRocketFilterClientContextTest {

    static LoginRocketFilter filter;

    @BeforeAll
    static void init() throws Exception {
        // Public paths without credentials never reach LoginRocket, so no server is needed.
        filter = LoginRocketFilter.builder().config(LoginRocketConfig.builder()
                .source(ConfigSources.of("test", ConfigSource.FILTER_INIT_PARAMS, Map.of(
                        "loginrocket.url", "https://sample.e2.loginrocket.com",
                        "loginrocket.login-required", "/app/*")))
                .build()).build();
        filter.init(null);
    }

    @AfterAll
    static void destroy() {
        filter.destroy();
    }

    private static FakeHttp.Request browser(String path, String agent, String language) {
        return FakeHttp.request("GET", "https://shop.example.com" + path)
                .header("User-Agent", agent)
                .header("Accept-Language", language)
                .header("Accept", "text/html");
    }

    @Test
    void theClientIsReadOnlyWhenTheApplicationAsksAndIsRightForEachRequest() throws Exception {
        List<CallOptions> seen = new ArrayList<>();
        for (String[] client : new String[][] {{"A/1", "es-MX"}, {"B/2", "ja"}}) {
            FakeHttp.Request req = browser("/public/page", client[0], client[1]);

            filter.doFilter(req, FakeHttp.response(), (request, response) -> {
                assertThat(req.headerReads()).as("not read by the filter").doesNotContain("User-Agent", "Accept-Language");
                seen.add(CallContext.current().orElseThrow());
            });

            assertThat(CallContext.current()).as("released when the request leaves the filter").isEmpty();
        }
        assertThat(seen).extracting(o -> o.endUserAgent().orElseThrow()).containsExactly("A/1", "B/2");
        assertThat(seen).extracting(o -> o.locale().orElseThrow())
                .containsExactly(Locale.forLanguageTag("es-MX"), Locale.JAPANESE);
    }

    @Test
    void aRequestThatCallsNobodyNeverHasItsClientRead() throws Exception {
        FakeHttp.Request req = browser("/public/page", "A/1", "en");
        List<Object> passed = new ArrayList<>();

        filter.doFilter(req, FakeHttp.response(), (request, response) -> passed.add(request));

        assertThat(passed).containsExactly(req);
        assertThat(req.headerReads()).doesNotContain("User-Agent", "Accept-Language");
    }

    @Test
    void theBindingIsReleasedEvenWhenTheApplicationThrows() {
        FakeHttp.Request req = browser("/public/page", "A/1", "en");

        assertThatThrownBy(() -> filter.doFilter(req, FakeHttp.response(), (request, response) -> {
            assertThat(CallContext.current()).isPresent();
            throw new IllegalStateException("application failure");
        })).hasMessage("application failure");

        assertThat(CallContext.current()).isEmpty();
    }
}
