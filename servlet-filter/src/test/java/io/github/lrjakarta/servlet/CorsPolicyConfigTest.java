package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CorsPolicy#from(LoginRocketConfig)}: the {@code loginrocket.cors.*} keys. */
class CorsPolicyConfigTest {

    private static final String INIT_PARAMS = "init-params of filter LoginRocketFilter";

    private static LoginRocketConfig config(Map<String, String> initParams) {
        return LoginRocketConfig.builder()
                .source(ConfigSources.of(INIT_PARAMS, ConfigSource.FILTER_INIT_PARAMS, initParams))
                .build();
    }

    private static FakeHttp.Response preflight(CorsPolicy policy, String origin) throws IOException {
        FakeHttp.Response res = FakeHttp.response();
        policy.handle(
                FakeHttp.request("OPTIONS", "https://api.example.com/x")
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Private-Network", "true"),
                res);
        return res;
    }

    @Test
    void noKeysMeansTheBuilderDefaultsAndDenyAll() throws IOException {
        CorsPolicy policy = CorsPolicy.from(config(Map.of()));

        assertThat(preflight(policy, "https://app.example.com").getStatus()).isEqualTo(403);
        assertThat(policy.toString())
                .contains("allowedOrigins=[] (deny all)")
                .contains("allowedMethods=[GET, HEAD, POST, PUT, PATCH, DELETE]")
                .contains("allowedHeaders=[Content-Type, Accept, Accept-Language, Authorization, LR-Agent]")
                .contains("exposedHeaders=[X-Request-ID]")
                .contains("maxAge=PT10M")
                .contains("rejectDisallowed=false")
                .contains("allowPrivateNetwork=false");
    }

    @Test
    void everyKeyIsRead() throws IOException {
        CorsPolicy policy = CorsPolicy.from(config(Map.of(
                "loginrocket.cors.allowed-origins", "https://app.example.com, https://*.example.org",
                "loginrocket.cors.allowed-methods", "GET, PUT",
                "loginrocket.cors.allowed-headers", "Authorization",
                "loginrocket.cors.exposed-headers", "X-Request-ID, Retry-After",
                "loginrocket.cors.allow-credentials", "true",
                "loginrocket.cors.max-age", "90s",
                "loginrocket.cors.reject-disallowed", "true",
                "loginrocket.cors.allow-private-network", "true")));

        FakeHttp.Response res = preflight(policy, "https://a.example.org");

        assertThat(res.getStatus()).isEqualTo(204);
        assertThat(res.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, PUT");
        assertThat(res.getHeader("Access-Control-Allow-Headers")).isEqualTo("Authorization");
        assertThat(res.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(res.getHeader("Access-Control-Max-Age")).isEqualTo("90");
        assertThat(res.getHeader("Access-Control-Allow-Private-Network")).isEqualTo("true");

        FakeHttp.Response allowed = FakeHttp.response();
        assertThat(policy.handle(FakeHttp.request("GET", "https://api.example.com/x").header("Origin", "https://app.example.com"),
                allowed)).isFalse();
        assertThat(allowed.getHeader("Access-Control-Expose-Headers")).isEqualTo("X-Request-ID, Retry-After");

        FakeHttp.Response disallowed = FakeHttp.response();
        assertThat(policy.handle(FakeHttp.request("POST", "https://api.example.com/x").header("Origin", "https://evil.example.net"),
                disallowed)).isTrue();
        assertThat(disallowed.getStatus()).as("reject-disallowed").isEqualTo(403);
    }

    @Test
    void environmentOverridesInitParams() throws IOException {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.of(
                        INIT_PARAMS,
                        ConfigSource.FILTER_INIT_PARAMS,
                        Map.of("loginrocket.cors.allowed-origins", "https://app.example.com")))
                .source(ConfigSources.environment(
                        Map.of("LOGINROCKET_CORS_ALLOWED_ORIGINS", "https://other.example.com")))
                .build();

        CorsPolicy policy = CorsPolicy.from(config);

        assertThat(preflight(policy, "https://other.example.com").getStatus()).isEqualTo(204);
        assertThat(preflight(policy, "https://app.example.com").getStatus()).isEqualTo(403);
    }

    @Test
    void starWithCredentialsFailsNamingKeysSourceAndFix() {
        LoginRocketConfig config = config(Map.of(
                "loginrocket.cors.allowed-origins", "*",
                "loginrocket.cors.allow-credentials", "true"));

        assertThatThrownBy(() -> CorsPolicy.from(config))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.cors.allowed-origins='*'")
                .hasMessageContaining(INIT_PARAMS)
                .hasMessageContaining("loginrocket.cors.allow-credentials=true")
                .hasMessageContaining("List the allowed origins");
    }

    @Test
    void namedRealmErrorsUseTheRealmsKeys() {
        LoginRocketConfig config = config(Map.of(
                        "loginrocket.partners.cors.allowed-origins", "https://partner.example.com/app"))
                .realm("partners");

        assertThatThrownBy(() -> CorsPolicy.from(config))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.partners.cors.allowed-origins='https://partner.example.com/app'")
                .hasMessageContaining(INIT_PARAMS)
                .hasMessageContaining("no path");
    }

    @Test
    void namedRealmCredentialsMessageNamesTheRealmsKey() {
        LoginRocketConfig config = config(Map.of(
                        "loginrocket.partners.cors.allowed-origins", "*",
                        "loginrocket.partners.cors.allow-credentials", "true"))
                .realm("partners");

        assertThatThrownBy(() -> CorsPolicy.from(config))
                .hasMessageContaining("loginrocket.partners.cors.allow-credentials=true");
    }

    @Test
    void unreadableValuesFailInTheConfigWithKeyAndSource() {
        assertThatThrownBy(() -> CorsPolicy.from(config(Map.of("loginrocket.cors.max-age", "ten minutes"))))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.cors.max-age")
                .hasMessageContaining(INIT_PARAMS);
        assertThatThrownBy(() -> CorsPolicy.from(config(Map.of("loginrocket.cors.allow-credentials", "yes"))))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.cors.allow-credentials");
        assertThatThrownBy(() -> CorsPolicy.from(config(Map.of("loginrocket.cors.allowed-methods", "GET, GE T"))))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.cors.allowed-methods='GET, GE T'")
                .hasMessageContaining("'GE T' is not valid");
    }
}
