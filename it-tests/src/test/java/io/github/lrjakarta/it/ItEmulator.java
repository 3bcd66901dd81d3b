package io.github.lrjakarta.it;

import io.github.lrjakarta.testkit.LoginRocketEmulator;

/**
 * The one LoginRocket emulator of a test JVM: the sample realm on a fixed loopback port, so that a WAR can name it
 * before it is deployed (the annotation-configured WAR even at compile time). The containers run on the same
 * machine, so 127.0.0.1 reaches it from Jetty (same JVM), Tomcat and WildFly (child processes) alike.
 *
 * <p>Started on first use and left running until the JVM exits; test classes share it and must not reset it.
 */
public final class ItEmulator {

    /** Not the emulator's default (a free port): the WARs must know the address before the emulator starts. */
    public static final int PORT = 18765;

    /** The realm URL the WARs are configured with ({@code loginrocket.url}). */
    public static final String URL = "http://127.0.0.1:" + PORT;

    private static LoginRocketEmulator emulator;

    private ItEmulator() {}

    public static synchronized LoginRocketEmulator get() {
        if (emulator == null) {
            emulator = LoginRocketEmulator.builder().sampleRealm().port(PORT).start();
            if (!emulator.url().equals(URL)) {
                throw new IllegalStateException("emulator at " + emulator.url() + ", WARs configured for " + URL);
            }
        }
        return emulator;
    }
}
