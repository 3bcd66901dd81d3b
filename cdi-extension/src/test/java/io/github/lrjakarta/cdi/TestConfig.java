package io.github.lrjakarta.cdi;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/** Config sources for tests, above system properties so the JVM's settings cannot leak in, and Weld on them. */
final class TestConfig {

    private TestConfig() {}

    static ConfigSource of(Map<String, String> values) {
        return ConfigSources.of("test", 900, values);
    }

    /** Weld SE with the extension configured by {@link #emulator} and the given bean classes. */
    static Weld weldOn(LoginRocketEmulator emulator, Class<?>... beanClasses) {
        return WeldInitiator.createWeld()
                .addExtension(new LoginRocketExtension(emulator(emulator)))
                .addBeanClasses(beanClasses);
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
