package io.github.lrjakarta.it.wildfly;

import org.jboss.as.arquillian.api.ReloadIfRequired;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.as.controller.client.helpers.Operations;

/**
 * MicroProfile Health on the default {@code standalone.xml}, the two operations {@code standalone-microprofile.xml}
 * has done already (that configuration has no EJB subsystem, which other WildFly tests need):
 *
 * <pre>
 * /extension=org.wildfly.extension.microprofile.health-smallrye:add
 * /subsystem=microprofile-health-smallrye:add(security-enabled=false)
 * reload
 * </pre>
 *
 * Restored, and the server reloaded, when the test class is done.
 */
@ReloadIfRequired
public class MicroProfileHealthSetup extends SnapshotServerSetupTask {

    @Override
    protected void doSetup(ManagementClient client, String containerId) throws Exception {
        executeOperation(client, Operations.createAddOperation(
                Operations.createAddress("extension", "org.wildfly.extension.microprofile.health-smallrye")));
        var subsystem = Operations.createAddOperation(Operations.createAddress("subsystem", "microprofile-health-smallrye"));
        subsystem.get("security-enabled").set(false);
        executeOperation(client, subsystem);
    }
}
