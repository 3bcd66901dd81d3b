package io.github.lrjakarta.it;

import java.util.Locale;

/**
 * The container this test JVM runs against, from the {@code it.container} system property that each failsafe
 * execution sets next to {@code arquillian.launch}. It decides what goes into the WARs' {@code WEB-INF/lib}.
 */
public enum ItContainer {
    /** Jetty 12 ee10 embedded in the test JVM: Weld, Jersey and the jakarta.* APIs come from the server classpath. */
    JETTY,
    /**
     * Apache Tomcat 10.1 or 11 (profiles {@code tomcat} and {@code tomcat11}), managed: a servlet container only, so
     * the WAR carries Weld, Jersey and JSON-P.
     */
    TOMCAT,
    /** WildFly, managed: a full EE server that provides CDI, JAX-RS and JSON-P. */
    WILDFLY;

    public static ItContainer current() {
        String name = System.getProperty("it.container");
        if (name == null) {
            throw new IllegalStateException("it.container is not set: run the it-tests through failsafe (mvn verify)");
        }
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
