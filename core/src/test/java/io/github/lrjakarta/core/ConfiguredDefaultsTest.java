package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A builder set up from a configuration that sets nothing but the URL equals the plain builder:
 * the defaults of the keys and of the builders cannot drift apart.
 */
class ConfiguredDefaultsTest {

    private static final String URL = "https://sample.e2.loginrocket.com";

    private static LoginRocketFactory emptyConfig() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of("LOGINROCKET_URL", URL)))
                .build();
        return LoginRocketFactory.of(config);
    }

    @Test
    void clientDefaults() {
        try (LoginRocketClient configured = emptyConfig().newClient();
                LoginRocketClient plain = LoginRocketClient.builder().url(URL).build()) {
            assertThat(configured.settings()).isEqualTo(plain.settings());
            assertThat(configured.endedSessionRetention()).isEqualTo(plain.endedSessionRetention());
        }
    }

    @Test
    void verifierDefaults() {
        LoginRocketTokenVerifier.Builder configured = emptyConfig().tokenVerifierBuilder();
        LoginRocketTokenVerifier.Builder plain = LoginRocketTokenVerifier.builder().jwks(LoginRocketUrl.parse(URL, false));

        assertThat(configured.settings()).isEqualTo(plain.settings());
    }

    @Test
    void theComparisonSeesADifferentSetting() {
        LoginRocketTokenVerifier.Builder plain = LoginRocketTokenVerifier.builder().jwks(LoginRocketUrl.parse(URL, false));
        try (LoginRocketClient configured = emptyConfig().newClient();
                LoginRocketClient other = LoginRocketClient.builder().url(URL).maxConnections(49).build()) {
            assertThat(configured.settings()).isNotEqualTo(other.settings());
        }
        assertThat(emptyConfig().tokenVerifierBuilder().settings())
                .isNotEqualTo(plain.cacheSize(LoginRocketTokenVerifier.DEFAULT_CACHE_SIZE - 1).settings());
    }
}
