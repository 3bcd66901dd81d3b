package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.SessionRecheck;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code loginrocket.session-recheck-interval}: off by default, 3 to 15 minutes, shorter only for a loopback realm. */
class SessionRecheckConfigTest {

    private static final String URL = "https://sample.e2.loginrocket.com";

    private static LoginRocketConfig config(Map<String, String> values) {
        return LoginRocketConfig.builder().source(ConfigSources.environment(values)).build();
    }

    @Test
    void offByDefault() {
        LoginRocketConfig config = config(Map.of("LOGINROCKET_URL", URL));
        try (LoginRocketClient client = LoginRocketFactory.of(config).newClient()) {
            assertThat(LoginRocketFactory.of(config).sessionRecheck(client, UnaryOperator.identity())).isEmpty();
        }
        assertThat(LoginRocketKeys.defaultValue(LoginRocketKeys.SESSION_RECHECK_INTERVAL)).isEmpty();
    }

    @Test
    void anIntervalInRangeBuildsARecheckOnTheRealmsSharedRecord() {
        LoginRocketConfig config = config(Map.of("LOGINROCKET_URL", URL, "LOGINROCKET_SESSION_RECHECK_INTERVAL", "5m"));
        config.validate();
        try (LoginRocketClient client = LoginRocketFactory.of(config).newClient()) {
            SessionRecheck recheck = LoginRocketFactory.of(config).sessionRecheck(client, UnaryOperator.identity())
                    .orElseThrow();
            assertThat(recheck.interval()).isEqualTo(Duration.ofMinutes(5));
        }
        assertThat(LoginRocketFactory.of(config).sessionChecks()).as("one record per realm and store setting")
                .isSameAs(LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL))).sessionChecks());
    }

    @Test
    void anIntervalOutOfRangeFailsValidationNamingTheKeyAndTheRange() {
        assertThatThrownBy(config(Map.of("LOGINROCKET_URL", URL, "LOGINROCKET_SESSION_RECHECK_INTERVAL", "30s"))::validate)
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.session-recheck-interval='30s'")
                .hasMessageContaining("environment variable LOGINROCKET_SESSION_RECHECK_INTERVAL")
                .hasMessageContaining("expected from 3m to 15m")
                .hasMessageContaining("loopback");
        assertThatThrownBy(config(Map.of("LOGINROCKET_URL", URL, "LOGINROCKET_SESSION_RECHECK_INTERVAL", "1h"))::validate)
                .hasMessageContaining("loginrocket.session-recheck-interval='1h'");
        assertThatThrownBy(config(Map.of("LOGINROCKET_URL", URL, "LOGINROCKET_SESSION_RECHECK_INTERVAL", "0s"))::validate)
                .hasMessageContaining("loginrocket.session-recheck-interval='0s'");
    }

    @Test
    void aLoopbackRealmTheEmulatorMayUseShortIntervalsForTests() {
        LoginRocketConfig config = config(Map.of("LOGINROCKET_URL", "http://127.0.0.1:8999",
                "LOGINROCKET_ALLOW_INSECURE_LOOPBACK", "true", "LOGINROCKET_SESSION_RECHECK_INTERVAL", "2s"));
        config.validate();
        assertThat(config.sessionRecheckInterval()).contains(Duration.ofSeconds(2));
    }
}
