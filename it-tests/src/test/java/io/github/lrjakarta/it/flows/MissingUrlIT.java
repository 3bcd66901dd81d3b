package io.github.lrjakarta.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lrjakarta.it.ServerLog;
import io.github.lrjakarta.it.TestApps;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR without {@code loginrocket.url} does not deploy, and what the deployer sees (the deployment error or the
 * server log) names the missing key. One WAR per way of configuring the library.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingUrlIT {

    static final String EXPECTED = "loginrocket.url is missing";

    @Deployment(name = "webxml", managed = false, testable = false)
    static WebArchive webXml() {
        return TestApps.webXml("lr-webxml-no-url", null, List.of("http://localhost:3000"));
    }

    @Deployment(name = "annotated", managed = false, testable = false)
    static WebArchive annotated() {
        return TestApps.annotatedWithoutUrl("lr-annotated-no-url");
    }

    @Deployment(name = "filter-only", managed = false, testable = false)
    static WebArchive filterOnly() {
        return TestApps.filterOnlyWithoutUrl("lr-filter-only-no-url");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void webXmlConfiguration() {
        assertDeploymentFailsNaming("webxml");
    }

    @Test
    void annotationConfiguration() {
        assertDeploymentFailsNaming("annotated");
    }

    @Test
    void filterWithoutCdi() {
        assertDeploymentFailsNaming("filter-only");
    }

    private void assertDeploymentFailsNaming(String deployment) {
        try (ServerLog log = ServerLog.capture()) {
            Throwable failure = catchThrowable(() -> deployer.deploy(deployment));

            // WildFly (Undertow) runs Filter.init lazily, on the first request: a check there alone lets the
            // deployment succeed; it has to happen at startup (an initializer or a listener)
            assertThat(failure)
                    .as("deployment %s without loginrocket.url must fail at deployment, not at the first request",
                            deployment)
                    .isNotNull();
            String reported = messages(failure) + "\n" + log.textContaining(EXPECTED);
            assertThat(reported).contains(EXPECTED);
        } finally {
            // Tomcat keeps a WAR whose context failed to start; the others roll it back, so this may fail
            catchThrowable(() -> deployer.undeploy(deployment));
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }
}
