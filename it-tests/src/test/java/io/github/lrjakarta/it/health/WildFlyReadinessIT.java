package io.github.lrjakarta.it.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.HttpDriver;
import io.github.lrjakarta.it.Wars;
import io.github.lrjakarta.it.wildfly.MicroProfileHealthSetup;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDI extension's built-in {@code loginrocket} readiness check in WildFly's own {@code /health/ready} on the
 * management port, once and by itself (the WAR declares no check of its own): up while LoginRocket answers, down once
 * it is gone. The WAR talks to an emulator of its own, which this test stops (the shared one serves the other tests).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(MicroProfileHealthSetup.class)
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
class WildFlyReadinessIT {

    /** Fixed: the WAR is configured with the address before the emulator starts (see ItEmulator). */
    static final int EMULATOR_PORT = 18766;

    /** WildFly's management interface with the it-tests' port offset of 100 (arquillian.xml). */
    static final URI READY = URI.create("http://127.0.0.1:10090/health/ready");

    static LoginRocketEmulator emulator;

    @Deployment(testable = false)
    static WebArchive deployment() {
        emulator = LoginRocketEmulator.builder().sampleRealm().port(EMULATOR_PORT).start();
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>loginrocket.url</param-name><param-value>%s</param-value></context-param>
                  <context-param><param-name>loginrocket.allow-insecure-loopback</param-name><param-value>true</param-value></context-param>
                  <context-param><param-name>loginrocket.health.interval</param-name><param-value>1s</param-value></context-param>
                </web-app>
                """.formatted(emulator.url());
        return Wars.war("lr-readiness").setWebXML(new StringAsset(webXml));
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    final HttpDriver http = new HttpDriver();

    @Test
    void upWhileLoginRocketAnswersDownOnceItIsGone() {
        HttpResponse<String> up = http.get(READY, "Accept", "application/json");

        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        JsonObject upCheck = loginRocketCheck(up.body()).orElseThrow(() -> new AssertionError("no loginrocket check: " + up.body()));
        assertThat(upCheck.getString("status")).isEqualTo("UP");
        assertThat(emulator.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/connect/jwks"));

        emulator.close();

        HttpResponse<String> down = pollUntilDown(Duration.ofSeconds(30));
        assertThat(down.statusCode()).isEqualTo(503);
        JsonObject downCheck = loginRocketCheck(down.body()).orElseThrow();
        assertThat(downCheck.getString("status")).isEqualTo("DOWN");
        assertThat(downCheck.getJsonObject("data").getString("detail")).isNotBlank();
    }

    /** Asks until the check says DOWN: the last answer is kept for the check's interval (1 s, the shortest allowed). */
    private HttpResponse<String> pollUntilDown(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        HttpResponse<String> last;
        do {
            last = http.get(READY, "Accept", "application/json");
            if (loginRocketCheck(last.body()).map(c -> c.getString("status")).orElse("").equals("DOWN")) {
                return last;
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("still not DOWN after " + limit + ": " + last.body());
    }

    /** The {@code loginrocket} check of a {@code /health/ready} answer; there must be one at most. */
    private static Optional<JsonObject> loginRocketCheck(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            List<JsonObject> checks = reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("loginrocket"))
                    .toList();
            assertThat(checks).as("loginrocket checks in " + body).hasSizeLessThanOrEqualTo(1);
            return checks.stream().findFirst();
        }
    }
}
