package io.github.lrjakarta.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.MavenResolvedArtifact;

/**
 * Builds test WARs the way users of each container package their applications: our jars and their runtime
 * dependencies always; Weld servlet, Jersey and JSON-P only where the container does not provide them (Tomcat).
 *
 * <p>Our jars and their dependencies come from {@code target/war-libs} ({@code it.war.libs}), which Maven fills
 * with this module's runtime dependencies (file names prefixed with the groupId), so the WARs hold what a user's
 * Maven build would put in {@code WEB-INF/lib}, also in a reactor build where our modules are not installed. The
 * Tomcat stack is resolved by ShrinkWrap from this module's pom and the local repository Maven used; those
 * artifacts are test dependencies here, so they are normally there already.
 */
public final class Wars {

    /** What a Tomcat user adds to a WAR to get CDI and JAX-RS (Tomcat loads them from the WAR: it provides only the Servlet API). */
    private static final String[] TOMCAT_STACK = {
        "org.jboss.weld.servlet:weld-servlet-core",
        "org.glassfish.jersey.containers:jersey-container-servlet",
        "org.glassfish.jersey.inject:jersey-hk2",
        "org.glassfish.jersey.ext.cdi:jersey-cdi1x",
        "org.glassfish.jersey.ext.cdi:jersey-cdi1x-servlet",
    };

    private static final String CDI_JAR_PREFIX = "io.github.lrjakarta.loginrocket-cdi-";

    private Wars() {}

    /**
     * An empty WAR named {@code name.war} with {@code beans.xml}, our CDI extension, filter and core, and whatever
     * else the current container needs.
     */
    public static WebArchive war(String name) {
        return war(name, true);
    }

    /** Like {@link #war(String)}, without the CDI extension when {@code cdi} is false (a filter-only user). */
    public static WebArchive war(String name, boolean cdi) {
        ItContainer container = ItContainer.current();
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsLibraries(ourLibraries(container, cdi));
        if (container == ItContainer.TOMCAT) {
            war.addAsLibraries(tomcatStack());
        }
        if (container == ItContainer.JETTY) {
            // Jetty marks a context that fails to start as unavailable (503) and reports the deployment as a
            // success: throwUnavailableOnStartupException makes the failure reach Arquillian, as it does on Tomcat
            // and WildFly. The adapter loads parent-first, but the test JVM's classpath (Jetty's parent loader) also
            // holds the WAR's classes, which must see our jars in WEB-INF/lib: child-first, as a standalone Jetty.
            war.addAsWebInfResource(new StringAsset(JETTY_WEB_XML), "jetty-ee10-web.xml");
        }
        return war;
    }

    private static File[] ourLibraries(ItContainer container, boolean cdi) {
        String dir = System.getProperty("it.war.libs");
        if (dir == null) {
            throw new IllegalStateException("it.war.libs is not set: run the it-tests through failsafe (mvn verify)");
        }
        List<File> files = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(dir))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                String file = p.getFileName().toString();
                if ((cdi || !file.startsWith(CDI_JAR_PREFIX)) && belongsInWar(container, file)) {
                    files.add(p.toFile());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.stream().noneMatch(f -> f.getName().startsWith("io.github.lrjakarta.loginrocket-core-"))) {
            throw new IllegalStateException("no loginrocket-core jar in " + dir);
        }
        return files.toArray(File[]::new);
    }

    /** @param file a jar name prefixed with its groupId */
    private static boolean belongsInWar(ItContainer container, String file) {
        if (container == ItContainer.TOMCAT) {
            return true;
        }
        // Jetty loads jakarta.* from its own classpath whatever the WAR holds (a second copy in the WAR is never used by the server); WildFly provides the APIs and
        // Parsson, and a second copy in the WAR breaks provider lookup
        return !file.startsWith("jakarta.") && !file.startsWith("org.eclipse.parsson.");
    }

    /** Resolved once per JVM: starting the Maven resolver costs seconds. */
    private static File[] tomcatStack;

    private static synchronized File[] tomcatStack() {
        if (tomcatStack == null) {
            tomcatStack = resolveTomcatStack();
        }
        return tomcatStack.clone();
    }

    private static File[] resolveTomcatStack() {
        // not workOffline(): a piece of the graph that Maven did not need (another version of a shared dependency)
        // may still have to be fetched on a fresh machine
        MavenResolvedArtifact[] resolved = Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve(TOMCAT_STACK)
                .withTransitivity()
                .asResolvedArtifact();
        List<File> files = new ArrayList<>();
        for (MavenResolvedArtifact artifact : resolved) {
            // Tomcat provides the Servlet API and refuses to load it from a WAR
            if (!artifact.getCoordinate().getGroupId().equals("jakarta.servlet")) {
                files.add(artifact.asFile());
            }
        }
        return files.toArray(File[]::new);
    }

    private static final String JETTY_WEB_XML = """
            <?xml version="1.0"?>
            <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
            <Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
              <Set name="throwUnavailableOnStartupException">true</Set>
              <Set name="parentLoaderPriority">false</Set>
            </Configure>
            """;

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="annotated"/>
            """;
}
