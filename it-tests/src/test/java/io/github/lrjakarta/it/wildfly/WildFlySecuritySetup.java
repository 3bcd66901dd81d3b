package io.github.lrjakarta.it.wildfly;

import org.jboss.as.arquillian.api.ReloadIfRequired;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * What WildFly needs for {@code @LoginRocketAuthenticationMechanismDefinition}, as a deployer would run it in
 * {@code jboss-cli}:
 *
 * <pre>
 * /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi, value=false)
 * reload
 * </pre>
 *
 * <p>Without it, Elytron looks the caller the mechanism reports up in the domain's realm ({@code ApplicationRealm}),
 * which does not know LoginRocket's users: every logged-in request ends in a 500 ({@code ELY01177: Authorization
 * failed}). Nothing else is needed: undertow's {@code default-security-domain} already maps the WAR to {@code other}
 * (no {@code jboss-web.xml}), and the EJB subsystem's {@code other} domain is the same {@code ApplicationDomain}, so
 * {@code @RolesAllowed} on an EJB sees the groups. The configuration is restored, and the server reloaded, when the
 * test class is done.
 */
@ReloadIfRequired
public class WildFlySecuritySetup extends SnapshotServerSetupTask {

    static final ModelNode APPLICATION_SECURITY_DOMAIN =
            Operations.createAddress("subsystem", "undertow", "application-security-domain", "other");

    @Override
    protected void doSetup(ManagementClient client, String containerId) throws Exception {
        executeOperation(client, Operations.createWriteAttributeOperation(APPLICATION_SECURITY_DOMAIN,
                "integrated-jaspi", false));
    }
}
