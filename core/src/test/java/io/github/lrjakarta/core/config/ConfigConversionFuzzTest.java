package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.lrjakarta.core.LoginRocketClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the conversion of configuration text (durations, booleans, integers, lists, locales, the
 * realm URL) through the public config API. Regression inputs live under {@code
 * ConfigConversionFuzzTestInputs/<method>/}.
 *
 * <p>Invariants, which are the fail-fast promise: {@link LoginRocketConfig#validate()} either passes
 * or throws {@link LoginRocketConfigException}, nothing else; once it has passed, building the client
 * and the token verifier from the same config throws nothing but a {@link LoginRocketConfigException}
 * about {@code jwt.key} (checked only when the verifier is built); and the value of {@code jwt.key}
 * never appears in an error message.
 */
class ConfigConversionFuzzTest {

    private static final List<String> KEYS = List.copyOf(LoginRocketKeys.all());
    private static final String[] SHAPES = {
        "5s", "500ms", "10m", "1h", "2d", "PT5S", "0s", "-1s", "999999999999d", "P9999999D", "true", "false", "TRUE",
        "0", "1", "-1", "2147483647", "en", "en-GB", "es_ES", "https://example.e2.loginrocket.com", "http://127.0.0.1:8080",
        "a,b,,c", "*"
    };

    @FuzzTest(maxDuration = "3m")
    void anyValues(FuzzedDataProvider data) {
        Map<String, String> values = new HashMap<>();
        values.put("loginrocket.url", "https://example.e2.loginrocket.com");
        int n = data.consumeInt(1, 6);
        for (int i = 0; i < n; i++) {
            String key = LoginRocketKeys.PREFIX + data.pickValue(KEYS);
            String value = data.consumeBoolean() ? data.pickValue(SHAPES) : data.consumeString(40);
            if (data.consumeBoolean()) {
                value = value + data.consumeString(8); // a suffix: "5s x", "truee", "10mm"
            }
            values.put(key, value);
        }
        String secret = values.get("loginrocket.jwt.key");
        LoginRocketConfig config = LoginRocketConfig.builder().source(ConfigSources.of("fuzz", 500, values)).build();

        Throwable invalid = catchThrowable(config::validate);
        if (invalid != null) {
            assertThat(invalid).isExactlyInstanceOf(LoginRocketConfigException.class);
            assertNoSecret(invalid, secret);
            return;
        }
        Throwable clientFailure = catchThrowable(() -> {
            try (LoginRocketClient client = LoginRocketFactory.of(config).newClient()) {
                assertThat(client).isNotNull();
            }
        });
        assertThat(clientFailure).as("validate() passed, then newClient() failed").isNull();
        Throwable verifierFailure = catchThrowable(LoginRocketFactory.of(config)::newTokenVerifier);
        if (verifierFailure != null) {
            assertThat(verifierFailure).isExactlyInstanceOf(LoginRocketConfigException.class);
            assertThat(((LoginRocketConfigException) verifierFailure).key()).isEqualTo("loginrocket.jwt.key");
            assertNoSecret(verifierFailure, secret);
        }
    }

    /** The first finding of {@link #anyValues}: validate() passed a user agent that newClient() refused. */
    @Test
    void validateRefusesTheUserAgentsTheClientRefuses() {
        LoginRocketConfig config = LoginRocketConfig.builder().source(ConfigSources.of("test", 500, Map.of(
                "loginrocket.url", "https://example.e2.loginrocket.com", "loginrocket.user-agent", "caf\u00e9-app/1"))).build();

        assertThatThrownBy(config::validate).isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.user-agent").hasMessageContaining("printable ASCII");
    }

    /** The second finding: a duration of 999999999999d passed validate(), then overflowed in newClient(). */
    @Test
    void validateRefusesDurationsTooLongForTheArithmetic() {
        LoginRocketConfig config = LoginRocketConfig.builder().source(ConfigSources.of("test", 500, Map.of(
                "loginrocket.url", "https://example.e2.loginrocket.com", "loginrocket.connect-timeout", "999999999999d"))).build();

        assertThatThrownBy(config::validate).isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.connect-timeout").hasMessageContaining("too large");
    }

    private static void assertNoSecret(Throwable t, String secret) {
        if (secret != null && secret.strip().length() >= 8) {
            assertThat(t.getMessage()).doesNotContain(secret.strip());
        }
    }
}
