package io.github.lrjakarta.it.infinispan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.config.EndedSessionsProvider;
import io.github.lrjakarta.it.HttpDriver;
import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.it.wildfly.InfinispanContainerSetup;
import io.github.lrjakarta.testkit.IssuedLogin;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README's "WildFly: the server's own Infinispan", followed as a user would: a cache container of the server's
 * ({@link InfinispanContainerSetup}), and two WARs (two nodes) that each bring the JCache layer, reach the server's
 * Infinispan modules through {@code jboss-deployment-structure.xml} and register {@link WildFlyEndedSessions} for
 * {@code loginrocket.ended-sessions.store=wildfly}. A logout on one WAR ends the token on the other: the filter
 * verifies tokens locally (no re-check is configured), so only the shared cache can tell WAR B of the logout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(InfinispanContainerSetup.class)
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
class WildFlyInfinispanIT {

    static final String DANA = "dana@example.org";

    /** Step 2: the server's Infinispan for the WAR's JCache layer. */
    static final String DEPLOYMENT_STRUCTURE = """
            <jboss-deployment-structure>
              <deployment>
                <dependencies>
                  <module name="org.infinispan.core"/>
                  <module name="org.infinispan.commons"/>
                </dependencies>
              </deployment>
            </jboss-deployment-structure>
            """;

    /**
     * Step 2: WildFly starts a cache container and its caches only for a deployment that references them; without
     * these the provider's lookup fails ({@code NameNotFoundException}) and so does the deployment.
     */
    static final String RESOURCE_REFS = """
              <resource-ref>
                <res-ref-name>infinispan/loginrocket</res-ref-name>
                <lookup-name>java:jboss/infinispan/container/loginrocket</lookup-name>
              </resource-ref>
              <resource-ref>
                <res-ref-name>infinispan/loginrocket-ended-sessions</res-ref-name>
                <lookup-name>java:jboss/infinispan/cache/loginrocket/loginrocket-ended-sessions</lookup-name>
              </resource-ref>
            </web-app>
            """;

    @Deployment(name = "a", testable = false)
    static WebArchive nodeA() {
        return node("lr-infinispan-a");
    }

    @Deployment(name = "b", testable = false)
    static WebArchive nodeB() {
        return node("lr-infinispan-b");
    }

    private static WebArchive node(String name) {
        ItEmulator.get();
        WebArchive war = TestApps.webXml(name, ItEmulator.URL, List.of(),
                Map.of("loginrocket.ended-sessions.store", "wildfly"));
        return war.setWebXML(new StringAsset(webXml(war).replace("</web-app>", RESOURCE_REFS)))
                .addAsLibraries(jcacheLayer())
                .addAsWebInfResource(new StringAsset(DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml")
                .addClass(WildFlyEndedSessions.class)
                .addAsResource(new StringAsset(WildFlyEndedSessions.class.getName() + "\n"),
                        "META-INF/services/" + EndedSessionsProvider.class.getName());
    }

    private static String webXml(WebArchive war) {
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Step 2's jars, as Maven collects them into {@code target/infinispan-libs} ({@code it.infinispan.libs}):
     * {@code loginrocket-jcache}, {@code cache-api}, {@code infinispan-jcache} and {@code infinispan-jcache-commons},
     * without {@code infinispan-core} and {@code infinispan-commons} (the server's modules).
     */
    private static File[] jcacheLayer() {
        String dir = System.getProperty("it.infinispan.libs");
        if (dir == null) {
            throw new IllegalStateException("it.infinispan.libs is not set: run the WildFly it-tests (mvn verify -Pwildfly)");
        }
        try (Stream<Path> jars = Files.list(Path.of(dir))) {
            File[] files = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).toArray(File[]::new);
            assertThat(files).extracting(File::getName).hasSize(4)
                    .noneMatch(n -> n.contains("infinispan-core") || n.contains("infinispan-commons"));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final HttpDriver http = new HttpDriver();

    @Test
    void logoutOnOneWarEndsTheTokenOnTheOther(@ArquillianResource @OperateOnDeployment("a") URL a,
            @ArquillianResource @OperateOnDeployment("b") URL b) {
        IssuedLogin login = ItEmulator.get().issueLogin(DANA, null);
        String bearer = "Bearer " + login.token();
        assertThat(me(a, bearer).statusCode()).isEqualTo(200);
        assertThat(me(b, bearer).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = http.send("POST", URI.create(a + "logout"), null,
                "Accept", "application/json", "Authorization", bearer);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(me(a, bearer).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = pollUntilRefused(b, bearer, Duration.ofSeconds(10));
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    /** WAR B learns of the logout through a cache entry listener, which JCacheEndedSessions registers asynchronous. */
    private HttpResponse<String> pollUntilRefused(URL war, String bearer, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        HttpResponse<String> last;
        do {
            last = me(war, bearer);
            if (last.statusCode() == 401) {
                return last;
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("still " + last.statusCode() + " after " + limit + ": " + last.body());
    }

    private HttpResponse<String> me(URL war, String bearer) {
        return http.get(URI.create(war + "api/secure/me"), "Accept", "application/json", "Authorization", bearer);
    }
}
