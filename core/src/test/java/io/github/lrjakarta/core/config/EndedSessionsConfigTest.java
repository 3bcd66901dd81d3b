package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client and verifier built from configs with the same ended-sessions settings shares one store. */
class EndedSessionsConfigTest {

    private static final String URL = "https://sample.e2.loginrocket.com";

    private static LoginRocketConfig config(Map<String, String> values) {
        return LoginRocketConfig.builder().source(ConfigSources.environment(values)).build();
    }

    @Test
    void clientAndVerifierOfOneConfigShareTheStore() {
        LoginRocketConfig config = config(Map.of("LOGINROCKET_URL", URL));
        try (LoginRocketClient client = LoginRocketFactory.of(config).newClient()) {
            LoginRocketTokenVerifier verifier = LoginRocketFactory.of(config).newTokenVerifier();
            assertThat(client.endedSessions()).isSameAs(verifier.endedSessions()).isSameAs(LoginRocketFactory.of(config).endedSessions());
        }
    }

    @Test
    void configsBuiltSeparatelyShareTheStoreToo() {
        // as the filter and the CDI extension each build their own config of the same sources
        LoginRocketTokenVerifier filterVerifier = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL))).newTokenVerifier();
        try (LoginRocketClient cdiClient = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL))).newClient()) {
            assertThat(cdiClient.endedSessions()).isSameAs(filterVerifier.endedSessions());
        }
    }

    @Test
    void differentSettingsGetDifferentStores() {
        EndedSessions small = LoginRocketFactory.of(config(Map.of("LOGINROCKET_ENDED_SESSIONS_MAX_ENTRIES", "10"))).endedSessions();
        assertThat(small).isNotSameAs(LoginRocketFactory.of(config(Map.of())).endedSessions());
        assertThat(small).isSameAs(LoginRocketFactory.of(config(Map.of("LOGINROCKET_ENDED_SESSIONS_MAX_ENTRIES", "10"))).endedSessions());
        assertThat(LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL))).endedSessions()).as("another realm")
                .isNotSameAs(LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", "https://other.e2.loginrocket.com"))).endedSessions());
    }

    @Test
    void anUnknownStoreIsADeploymentErrorNamingTheKey() {
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL, "LOGINROCKET_ENDED_SESSIONS_STORE", "redis")))
                        .newTokenVerifier())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.store='redis'")
                .hasMessageContaining("environment variable LOGINROCKET_ENDED_SESSIONS_STORE")
                .hasMessageContaining("loginrocket-jcache");
    }

    @Test
    void badRetentionAndBoundNameTheirKeys() {
        LoginRocketConfig bad = config(Map.of(
                "LOGINROCKET_URL", URL,
                "LOGINROCKET_ENDED_SESSIONS_RETENTION", "0s",
                "LOGINROCKET_ENDED_SESSIONS_MAX_ENTRIES", "0"));
        assertThatThrownBy(bad::validate)
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.retention='0s'")
                .hasMessageContaining("loginrocket.ended-sessions.max-entries='0'");
    }

    @Test
    void ended_sessionsIsNoRealmName() {
        assertThatThrownBy(() -> config(Map.of()).realm("ended-sessions")).isInstanceOf(IllegalArgumentException.class);
    }
}
