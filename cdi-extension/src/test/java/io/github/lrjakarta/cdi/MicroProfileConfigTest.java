package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MicroProfile Config as a source, through a stand-in implementation of its SPI. */
class MicroProfileConfigTest {

    @AfterEach
    void removeImplementation() {
        ConfigProviderResolver.setInstance(null);
    }

    @Test
    void clientIsConfiguredFromMicroProfileConfig() {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start()) {
            ConfigProviderResolver.setInstance(new MapResolver(Map.of(
                    "loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true")));
            Weld weld = new Weld().disableDiscovery().addExtension(new LoginRocketExtension())
                    .addBeanClasses(DeploymentTest.UsesDefaultRealm.class);
            try (WeldContainer container = weld.initialize()) {
                assertThat(container.select(DeploymentTest.UsesDefaultRealm.class).get().client.url())
                        .isEqualTo(LoginRocketUrl.parse(emulator.url(), true));
            }
        }
    }

    @Test
    void apiWithoutImplementationIsIgnored() {
        // No resolver installed: ConfigProvider.getConfig() throws, the source must answer "not set".
        Weld weld = new Weld().disableDiscovery()
                .addExtension(new LoginRocketExtension(TestConfig.of(Map.of("loginrocket.url", "https://a.example.com"))))
                .addBeanClasses(DeploymentTest.UsesDefaultRealm.class);
        try (WeldContainer container = weld.initialize()) {
            assertThat(container.select(DeploymentTest.UsesDefaultRealm.class).get().client.url().root().getHost())
                    .isEqualTo("a.example.com");
        }
    }

    /** Answers getOptionalValue from a map; nothing else is needed by the source. */
    private static final class MapResolver extends ConfigProviderResolver {
        private final Config config;

        MapResolver(Map<String, String> values) {
            this.config = (Config) Proxy.newProxyInstance(
                    Config.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getOptionalValue") && args[1] == String.class) {
                            return Optional.ofNullable(values.get((String) args[0]));
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public Config getConfig() {
            return config;
        }

        @Override
        public Config getConfig(ClassLoader loader) {
            return config;
        }

        @Override
        public ConfigBuilder getBuilder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerConfig(Config config, ClassLoader classLoader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseConfig(Config config) {
            throw new UnsupportedOperationException();
        }
    }
}
