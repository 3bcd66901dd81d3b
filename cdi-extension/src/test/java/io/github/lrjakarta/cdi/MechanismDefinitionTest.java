package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import io.github.lrjakarta.cdi.mechanismdefinition.PlainApplication;
import io.github.lrjakarta.cdi.mechanismdefinition.absent.PlainClass;
import java.util.Map;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/**
 * {@link LoginRocketAuthenticationMechanismDefinition} enables the mechanism wherever it is put, also in a bean
 * archive with {@code bean-discovery-mode="annotated"} (WildFly's usual case) on a class that is nothing else to CDI,
 * such as a JAX-RS {@code Application}.
 */
class MechanismDefinitionTest {

    /** An archive of {@code package}'s classes, discovered as {@code bean-discovery-mode="annotated"} does. */
    static SeContainer annotatedArchiveOf(Class<?> packageOf) {
        return new Weld().disableDiscovery()
                .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                .addExtension(new LoginRocketExtension(TestConfig.of(Map.of(
                        "loginrocket.url", "http://127.0.0.1:9",
                        "loginrocket.allow-insecure-loopback", "true"))))
                .addPackage(false, packageOf)
                .initialize();
    }

    @Test
    void theDefinitionOnAPlainClassOfAnAnnotatedArchiveAddsTheMechanism() {
        try (SeContainer container = annotatedArchiveOf(PlainApplication.class)) {
            assertThat(container.select(HttpAuthenticationMechanism.class).get())
                    .isInstanceOf(LoginRocketAuthenticationMechanism.class);
        }
    }

    @Test
    void withoutTheDefinitionThereIsNoMechanism() {
        try (SeContainer container = annotatedArchiveOf(PlainClass.class)) {
            assertThat(container.select(HttpAuthenticationMechanism.class).isUnsatisfied()).isTrue();
        }
    }
}
