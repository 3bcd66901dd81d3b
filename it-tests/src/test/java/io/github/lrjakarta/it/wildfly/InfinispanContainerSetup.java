package io.github.lrjakarta.it.wildfly;

import org.jboss.as.arquillian.api.ReloadIfRequired;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.arquillian.setup.SnapshotServerSetupTask;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Step 1 of README's "WildFly: the server's own Infinispan" on the default {@code standalone.xml}, which has no
 * JGroups: the same container and caches, local instead of replicated (the README's {@code transport=jgroups} and
 * {@code replicated-cache} lines need {@code standalone-ha.xml}). Two WARs on the one server then share the caches
 * as two nodes of a cluster share a replicated one.
 *
 * <pre>
 * batch
 * /subsystem=infinispan/cache-container=loginrocket:add(default-cache=loginrocket-ended-sessions)
 * /subsystem=infinispan/cache-container=loginrocket/local-cache=loginrocket-ended-sessions:add()
 * /subsystem=infinispan/cache-container=loginrocket/local-cache=loginrocket-ended-sessions/component=expiration:add(lifespan=172800000)
 * /subsystem=infinispan/cache-container=loginrocket/local-cache=loginrocket-session-checks:add()
 * /subsystem=infinispan/cache-container=loginrocket/local-cache=loginrocket-session-checks/component=expiration:add(lifespan=1800000)
 * run-batch
 * </pre>
 *
 * Restored, and the server reloaded, when the test class is done.
 */
@ReloadIfRequired
public class InfinispanContainerSetup extends SnapshotServerSetupTask {

    public static final String CONTAINER = "loginrocket";
    public static final String ENDED_SESSIONS = "loginrocket-ended-sessions";
    public static final String SESSION_CHECKS = "loginrocket-session-checks";

    @Override
    protected void doSetup(ManagementClient client, String containerId) throws Exception {
        // one composite, as the README's batch: the container's default-cache must exist when the container is added
        ModelNode container = Operations.createAddOperation(address());
        container.get("default-cache").set(ENDED_SESSIONS);
        Operations.CompositeOperationBuilder batch = Operations.CompositeOperationBuilder.create().addStep(container);
        addLocalCache(batch, ENDED_SESSIONS, 172_800_000L);
        addLocalCache(batch, SESSION_CHECKS, 1_800_000L);
        executeOperation(client, batch.build().getOperation());
    }

    private static void addLocalCache(Operations.CompositeOperationBuilder batch, String name, long lifespanMillis) {
        batch.addStep(Operations.createAddOperation(address("local-cache", name)));
        ModelNode expiration = Operations.createAddOperation(address("local-cache", name, "component", "expiration"));
        expiration.get("lifespan").set(lifespanMillis);
        batch.addStep(expiration);
    }

    private static ModelNode address(String... below) {
        String[] path = new String[4 + below.length];
        path[0] = "subsystem";
        path[1] = "infinispan";
        path[2] = "cache-container";
        path[3] = CONTAINER;
        System.arraycopy(below, 0, path, 4, below.length);
        return Operations.createAddress(path);
    }
}
