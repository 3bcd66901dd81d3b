package io.github.lrjakarta.it.security;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The container's own security from LoginRocket through {@code LoginRocketServerAuthModule} (Jakarta
 * Authentication), registered by one context-param: the flows of {@link ContainerSecurityFlows}, with Jersey's
 * {@code @RolesAllowed}. Tomcat only: Jetty's Jakarta Authentication module does not resolve at the Jetty version
 * the it-tests use, and WildFly has Jakarta Security instead.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "tomcat")
class JakartaAuthenticationIT extends ContainerSecurityFlows {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.containerSecurity("lr-jaspic", ItEmulator.get().url(), List.of(ORIGIN));
    }
}
