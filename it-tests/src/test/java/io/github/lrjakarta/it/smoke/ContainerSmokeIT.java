package io.github.lrjakarta.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.Wars;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The container, CDI, JAX-RS and our jar in WEB-INF/lib work together before any LoginRocket feature is tested. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerSmokeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.war("smoke", false).addClasses(PingApplication.class, PingResource.class, Greeter.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void jaxRsResourceWithCdiBeanAndCoreJar() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + "api/ping")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong http://127.0.0.1:9/v2/");
    }
}
