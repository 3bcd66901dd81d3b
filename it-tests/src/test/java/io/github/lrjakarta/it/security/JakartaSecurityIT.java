package io.github.lrjakarta.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.it.wildfly.WildFlySecuritySetup;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The container's own security from LoginRocket through {@code @LoginRocketAuthenticationMechanismDefinition}
 * (Jakarta Security) on WildFly, with the one server setting {@link WildFlySecuritySetup} applies: the flows of
 * {@link ContainerSecurityFlows}, with RESTEasy's {@code @RolesAllowed}, and Jakarta Security's {@code
 * SecurityContext} and an EJB's {@code @RolesAllowed}, which only a full Jakarta EE server has.
 */
@ServerSetup(WildFlySecuritySetup.class)
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
class JakartaSecurityIT extends ContainerSecurityFlows {

    static final String TEXT = "text/plain";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.jakartaSecurity("lr-jakarta-security", ItEmulator.get().url(), List.of(ORIGIN));
    }

    @Override
    List<String> pathsClosedByLogout() {
        return List.of("admin/whoami", "api/roles/ejb");
    }

    @Test
    void jakartaSecurityContextKnowsTheCallerAndGroups() {
        assertThat(getAs(DANA, "api/roles/caller", TEXT).body())
                .isEqualTo("caller=" + emulator.userId(DANA) + ";admin=true;read=false");
        assertThat(getAs(SAM, "api/roles/caller", TEXT).body())
                .isEqualTo("caller=" + emulator.userId(SAM) + ";admin=false;read=true");
    }

    @Test
    void rolesAllowedOnAnEjbSeesTheCallerAndGroups() {
        HttpResponse<String> refused = getAs(SAM, "api/roles/ejb", TEXT);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("refused by the EJB");

        HttpResponse<String> admin = getAs(DANA, "api/roles/ejb", TEXT);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("ejb-caller=" + emulator.userId(DANA));
    }
}
