package io.github.lrjakarta.it.flows;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.it.app.annotated.AnnotatedApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The flows against a WAR configured by annotations only (no web.xml). */
class AnnotationConfiguredIT extends LoginRocketFlows {

    @Deployment(testable = false)
    static WebArchive deployment() {
        ItEmulator.get(); // the WAR names the emulator's fixed address; it must be up before the WAR starts
        return TestApps.annotated("lr-annotated");
    }

    @Override
    String allowedOrigin() {
        return AnnotatedApplication.ALLOWED_ORIGIN;
    }
}
