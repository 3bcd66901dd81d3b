package io.github.lrjakarta.it;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.MavenResolvedArtifact;

/**
 * Builds test WARs the way users of each container package their applications: our jars and their runtime
 * dependencies always; Weld servlet, Jersey and JSON-P only where the container does not provide them (Tomcat).
 *
 * <p>Libraries are resolved by ShrinkWrap from this module's pom (so versions are the ones the parent pins) and
 * from the local repository Maven used; every artifact resolved here is also a test dependency of this module, so
 * resolution never goes to the network.
 */
public final class Wars {

    /** Our libraries: the CDI extension pulls in the servlet filter and core. */
    private static final String[] LIBRARY = {"io.github.lrjakarta:loginrocket-core"};

    /** What a Tomcat user adds to a WAR to get CDI and JAX-RS (toolchain: Tomcat's loader is child-first for these). */
    private static final String[] TOMCAT_STACK = {
        "org.jboss.weld.servlet:weld-servlet-core",
        "org.glassfish.jersey.containers:jersey-container-servlet",
        "org.glassfish.jersey.inject:jersey-hk2",
        "org.glassfish.jersey.ext.cdi:jersey-cdi1x",
        "org.glassfish.jersey.ext.cdi:jersey-cdi1x-servlet",
        "org.eclipse.parsson:parsson",
    };

    private Wars() {}

    /** An empty WAR named {@code name.war} with {@code beans.xml} and the libraries the current container needs. */
    public static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsLibraries(libraries(ItContainer.current()));
    }

    static File[] libraries(ItContainer container) {
        Set<String> coordinates = new LinkedHashSet<>(Arrays.asList(LIBRARY));
        if (container == ItContainer.TOMCAT) {
            coordinates.addAll(Arrays.asList(TOMCAT_STACK));
        }
        MavenResolvedArtifact[] resolved = Maven.configureResolver()
                .workOffline()
                .loadPomFromFile("pom.xml")
                .resolve(coordinates)
                .withTransitivity()
                .asResolvedArtifact();
        List<File> files = new ArrayList<>();
        for (MavenResolvedArtifact artifact : resolved) {
            if (belongsInWar(container, artifact.getCoordinate().getGroupId())) {
                files.add(artifact.asFile());
            }
        }
        return files.toArray(File[]::new);
    }

    private static boolean belongsInWar(ItContainer container, String groupId) {
        if (groupId.equals("jakarta.servlet")) {
            return false; // every container provides the Servlet API, and Tomcat refuses to load it from a WAR
        }
        if (container == ItContainer.TOMCAT) {
            return true;
        }
        // Jetty loads jakarta.* from its own classpath whatever the WAR holds (P3); WildFly provides the APIs and
        // Parsson, and a second copy in the WAR breaks provider lookup
        return !groupId.startsWith("jakarta.") && !groupId.equals("org.eclipse.parsson");
    }

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="annotated"/>
            """;
}
