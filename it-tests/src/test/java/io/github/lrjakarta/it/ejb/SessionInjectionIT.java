package io.github.lrjakarta.it.ejb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lrjakarta.it.ItContainer;
import io.github.lrjakarta.it.ServerLog;
import io.github.lrjakarta.it.Wars;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In a full EE server, a {@code LoginRocketSession} injected into a holder that outlives the request (a real
 * {@code @Stateless} EJB, a servlet) fails the deployment, and the deployer is told where and what to inject instead.
 * WildFly only: the other containers have no EJBs (the Weld tests of the cdi module cover servlets there).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionInjectionIT {

    @Deployment(name = "ejb", managed = false, testable = false)
    static WebArchive ejb() {
        return war("lr-session-in-ejb").addClass(SessionKeepingEjb.class);
    }

    @Deployment(name = "servlet", managed = false, testable = false)
    static WebArchive servlet() {
        return war("lr-session-in-servlet").addClass(SessionKeepingServlet.class);
    }

    /** Configured, so that the only thing wrong with the application is where it injects the session. */
    private static WebArchive war(String name) {
        return Wars.war(name).addAsWebInfResource(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>loginrocket.url</param-name>
                    <param-value>https://login.example.com</param-value>
                  </context-param>
                </web-app>
                """), "web.xml");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void statelessEjbFailsTheDeployment() {
        assertDeploymentFailsNaming("ejb", SessionKeepingEjb.class.getName() + ".session");
    }

    @Test
    void servletFailsTheDeployment() {
        assertDeploymentFailsNaming("servlet", SessionKeepingServlet.class.getName() + ".session");
    }

    private void assertDeploymentFailsNaming(String deployment, String injectionPoint) {
        assumeTrue(ItContainer.current() == ItContainer.WILDFLY, "EJBs need a full EE server");
        String expected = "LoginRocketSession cannot be injected into " + injectionPoint;
        try (ServerLog log = ServerLog.capture()) {
            Throwable failure = catchThrowable(() -> deployer.deploy(deployment));

            assertThat(failure).as("deploying %s", deployment).isNotNull();
            String reported = messages(failure) + "\n" + log.textContaining(expected);
            assertThat(reported).contains(expected).contains("Inject CurrentSession");
        } finally {
            // WildFly rolls a failed deployment back, so this may fail
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
