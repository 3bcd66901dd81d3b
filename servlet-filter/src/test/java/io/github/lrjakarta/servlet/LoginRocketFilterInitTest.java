package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Startup: bad configuration fails {@code init} with key and source; helpers of the request path. */
class LoginRocketFilterInitTest {

    static FilterConfig filterConfig(Map<String, String> initParams, Map<String, String> contextParams) {
        ServletContext context = FakeHttp.context(contextParams).contextPath("/shop").asServletContext();
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "LR";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return initParams.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParams.keySet());
            }
        };
    }

    private static final String URL = "https://sample.e2.loginrocket.com";

    @Test
    void aMissingUrlFailsInitNamingWhereToSetIt() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(Map.of(), Map.of())))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("loginrocket.url is missing")
                .hasMessageContaining("environment variable LOGINROCKET_URL")
                .hasMessageContaining("init-params of filter LR 'loginrocket.url'")
                .hasMessageContaining("context-params of /shop 'loginrocket.url'");
    }

    @Test
    void everyBadValueIsReportedWithKeyAndSource() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(
                        Map.of("loginrocket.url", URL, "loginrocket.login-required", "/app/**"),
                        Map.of("loginrocket.cors.max-age", "forever"))))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("loginrocket.cors.max-age='forever' from context-params of /shop")
                .hasMessageContaining("loginrocket.login-required='/app/**' from init-params of filter LR")
                .hasMessageContaining("'/app/**' is not a path pattern");
    }

    @Test
    void initParamsWinOverContextParams() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(
                        Map.of("loginrocket.url", URL, "loginrocket.cookie.name", "bad name"),
                        Map.of("loginrocket.cookie.name", "fine"))))
                .hasMessageContaining("loginrocket.cookie.name='bad name' from init-params of filter LR");
    }

    @Test
    void wildcardOriginsWithCredentialsAreRefusedAtInit() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(Map.of("loginrocket.url", URL,
                        "loginrocket.cors.allowed-origins", "*", "loginrocket.cors.allow-credentials", "true"), Map.of())))
                .hasMessageContaining("loginrocket.cors.allowed-origins='*' from init-params of filter LR");
    }

    @Test
    void badLogoutSettingsAreRefused() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(Map.of("loginrocket.url", URL,
                        "loginrocket.logout-path", "logout", "loginrocket.logout-redirect", "javascript:alert(1)"), Map.of())))
                .hasMessageContaining("loginrocket.logout-path='logout'")
                .hasMessageContaining("loginrocket.logout-redirect='javascript:alert(1)'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\\evil.example", "/\\/evil.example", "/\t/evil.example", "/\n/evil.example", "/ /x"})
    void aLogoutRedirectThatBrowsersReadAsAnotherHostIsRefused(String redirect) {
        // Browsers read a backslash as a slash and drop tabs and newlines: these are //evil.example.
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(Map.of("loginrocket.url", URL,
                        "loginrocket.logout-path", "/logout", "loginrocket.logout-redirect", redirect), Map.of())))
                .hasMessageContaining("loginrocket.logout-redirect=");
    }

    @Test
    void aLogoutRedirectPathOrUrlIsAccepted() throws Exception {
        for (String redirect : new String[] {"/bye", "/bye?x=1", "https://www.example.com/bye"}) {
            LoginRocketFilter filter = new LoginRocketFilter();
            filter.init(filterConfig(Map.of("loginrocket.url", URL,
                    "loginrocket.logout-path", "/logout", "loginrocket.logout-redirect", redirect), Map.of()));
            filter.destroy();
        }
    }

    @Test
    void aSecretKeyIsNeverEchoed() {
        assertThatThrownBy(() -> new LoginRocketFilter().init(filterConfig(Map.of("loginrocket.url", URL,
                        "loginrocket.jwt.key", "jsk_shortButSecret"), Map.of())))
                .hasMessageContaining("loginrocket.jwt.key (secret, value not shown) from init-params of filter LR")
                .message().doesNotContain("shortButSecret");
    }

    @Test
    void aGoodConfigurationStarts() throws Exception {
        LoginRocketFilter filter = new LoginRocketFilter();
        filter.init(filterConfig(Map.of("loginrocket.url", URL, "loginrocket.login-required", "/app/*"), Map.of()));
        assertThat(filter).hasToString("LoginRocketFilter[https://sample.e2.loginrocket.com/, login required on [/app/*]]");
        filter.destroy();
    }

    @Test
    void misspeltKeysAreReportedInTheLog() throws Exception {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(LoginRocketFilter.class.getName());
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(handler);
        try {
            LoginRocketFilter filter = new LoginRocketFilter();
            filter.init(filterConfig(Map.of("loginrocket.url", URL, "loginrocket.cors.allowed-origin", "https://a.example"),
                    Map.of("loginrocket.partners.url", URL, "unrelated", "x")));
            filter.destroy();
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("init-param loginrocket.cors.allowed-origin ignored"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("partners"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("unrelated"));
    }

    @Test
    void bearerTakesOnlyTheBearerScheme() {
        assertThat(LoginRocketAuthentication.bearer("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(LoginRocketAuthentication.bearer("bearer   abc ")).isEqualTo("abc");
        assertThat(LoginRocketAuthentication.bearer("Basic dXNlcjpwYXNz")).isNull();
        assertThat(LoginRocketAuthentication.bearer("Bearer ")).isNull();
        assertThat(LoginRocketAuthentication.bearer("Bearer")).isNull();
        assertThat(LoginRocketAuthentication.bearer(null)).isNull();
    }

    @Test
    void idsMustLookLikeLoginRocketIds() {
        assertThat(LoginRocketAuthentication.isId("kss_0v1zUpWdE4IiFc2w5ynShf", "kss_")).isTrue();
        assertThat(LoginRocketAuthentication.isId("kss_", "kss_")).isFalse();
        assertThat(LoginRocketAuthentication.isId("kss_a-b", "kss_")).isFalse();
        assertThat(LoginRocketAuthentication.isId("org_1", "kss_")).isFalse();
        assertThat(LoginRocketAuthentication.isId("kss_" + "a".repeat(65), "kss_")).isFalse();
    }

    @Test
    void aLogoutByGetNeedsPositiveSameOriginEvidence() {
        LoginRocketAuthentication auth = LoginRocketAuthentication.builder()
                .config(LoginRocketConfig.builder().source(ConfigSources.of("test", 100, Map.of(
                        "loginrocket.url", "https://sample.e2.loginrocket.com"))).build())
                .build();
        // method, Sec-Fetch-Site, Sec-Fetch-Mode, Origin, Referer -> allowed?
        Object[][] cases = {
            {"GET", "cross-site", "no-cors", null, null, false},   // <img src=/logout>
            {"GET", "cross-site", "navigate", null, null, false},  // a link or redirect from another site
            {"HEAD", "cross-site", null, null, null, false},
            {"GET", "same-site", "navigate", null, null, false},   // a sibling subdomain is another origin
            {"GET", null, null, null, null, false},                // no evidence at all
            {"GET", null, null, "https://evil.example", null, false},
            {"GET", null, null, null, "https://evil.example/page", false},
            {"GET", null, null, null, "https://shop.example.com.evil.example/", false},
            {"GET", "same-origin", "navigate", null, null, true},  // the application's own logout link
            {"GET", "none", "navigate", null, null, true},         // typed into the address bar
            {"GET", null, null, "https://shop.example.com", null, true},
            {"GET", null, null, null, "https://shop.example.com/account", true},
            {"POST", "cross-site", "navigate", null, null, false}, // an auto-submitted form on another site
            {"POST", "Cross-Site", "Navigate", null, null, false},
            {"POST", "cross-site", "cors", null, null, true},      // a front end on an allowed origin, bearer token
            {"POST", "cross-site", null, null, null, true},
            {"POST", "same-origin", "navigate", null, null, true},
            {"POST", null, null, null, null, true},
        };
        for (Object[] c : cases) {
            FakeHttp.Request req = FakeHttp.request((String) c[0], "https://shop.example.com/logout");
            String[] names = {null, "Sec-Fetch-Site", "Sec-Fetch-Mode", "Origin", "Referer"};
            for (int i = 1; i < 5; i++) {
                if (c[i] != null) {
                    req.header(names[i], (String) c[i]);
                }
            }
            assertThat(auth.isLogoutAllowed(req)).as(java.util.Arrays.toString(c)).isEqualTo(c[5]);
        }
    }
}
