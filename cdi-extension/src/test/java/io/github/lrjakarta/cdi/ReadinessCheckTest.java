package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With MicroProfile Health on the class path, the extension adds a {@code @Readiness} check named
 * {@code loginrocket}, the way a health endpoint (WildFly's {@code /health/ready}) looks it up.
 */
class ReadinessCheckTest {

    private LoginRocketEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = LoginRocketEmulator.start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private SeContainer container(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true"));
        values.putAll(extra);
        return new Weld().disableDiscovery().addExtension(new LoginRocketExtension(TestConfig.of(values)))
                .initialize();
    }

    private static HealthCheckResponse readiness() {
        return CDI.current().select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
    }

    @Test
    void upWhileLoginRocketAnswersAndTheConfiguredIntervalBoundsTheCalls() {
        try (SeContainer ignored = container(Map.of("loginrocket.health.interval", "1h"))) {
            HealthCheckResponse r = readiness();
            assertThat(r.getName()).isEqualTo("loginrocket");
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(r.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("status", 200L));
            readiness();
            readiness();
        }
        assertThat(emulator.requestCount("/connect/jwks")).isEqualTo(1);
    }

    @Test
    void downWhenLoginRocketFails() {
        emulator.faults().inject("/connect/jwks", Fault.status(502));
        try (SeContainer ignored = container(Map.of())) {
            HealthCheckResponse r = readiness();
            assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(r.getData()).hasValueSatisfying(d ->
                    assertThat(d.get("detail").toString()).contains("502"));
        }
    }
}
