package io.github.lrjakarta.it.flows;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The flows against a WAR configured by web.xml only. */
class WebXmlConfiguredIT extends LoginRocketFlows {

    static final String ORIGIN = "http://localhost:3000";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.webXml("lr-webxml", ItEmulator.get().url(), List.of(ORIGIN));
    }

    @Override
    String allowedOrigin() {
        return ORIGIN;
    }
}
