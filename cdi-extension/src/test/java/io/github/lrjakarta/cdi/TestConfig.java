package io.github.lrjakarta.cdi;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.util.HashMap;
import java.util.Map;

/** Config sources for tests, above system properties so the JVM's settings cannot leak in. */
final class TestConfig {

    private TestConfig() {}

    static ConfigSource of(Map<String, String> values) {
        return ConfigSources.of("test", 900, values);
    }

    /** The default realm and the realm "partners", both on the emulator. */
    static ConfigSource emulator(LoginRocketEmulator emulator) {
        Map<String, String> values = new HashMap<>();
        values.put("loginrocket.url", emulator.url());
        values.put("loginrocket.allow-insecure-loopback", "true");
        values.put("loginrocket.partners.url", emulator.url());
        values.put("loginrocket.partners.allow-insecure-loopback", "true");
        return of(values);
    }
}
