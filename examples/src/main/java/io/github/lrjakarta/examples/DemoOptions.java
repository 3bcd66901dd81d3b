package io.github.lrjakarta.examples;

import java.util.Properties;

/**
 * Ports and bind address of the demo. Each can be given as a command-line flag or as a system
 * property (a flag wins); port 0 picks a free port.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>flag</th><th>system property</th><th>default</th><th>what</th></tr>
 *   <tr><td>{@code --port}</td><td>{@code demo.port}</td><td>8080</td><td>the application</td></tr>
 *   <tr><td>{@code --emulator-port}</td><td>{@code demo.emulator-port}</td><td>8081</td><td>the LoginRocket emulator</td></tr>
 *   <tr><td>{@code --partner-port}</td><td>{@code demo.partner-port}</td><td>8082</td><td>the second origin (CORS)</td></tr>
 *   <tr><td>{@code --host}</td><td>{@code demo.host}</td><td>{@code 127.0.0.1}</td><td>where Jetty listens</td></tr>
 * </table>
 *
 * <p>The emulator always listens on {@code 127.0.0.1}. Immutable.
 *
 * @since 0.1
 */
public final class DemoOptions {

    private final int port;
    private final int emulatorPort;
    private final int partnerPort;
    private final String host;

    private DemoOptions(int port, int emulatorPort, int partnerPort, String host) {
        this.port = checkPort("port", port);
        this.emulatorPort = checkPort("emulator-port", emulatorPort);
        this.partnerPort = checkPort("partner-port", partnerPort);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host needs a host name or address");
        }
        this.host = host;
    }

    /** The defaults: 8080, 8081, 8082 on {@code 127.0.0.1}. */
    public static DemoOptions defaults() {
        return new DemoOptions(8080, 8081, 8082, "127.0.0.1");
    }

    /** Every port 0 (free ports), for tests and for running next to something else. */
    public static DemoOptions freePorts() {
        return new DemoOptions(0, 0, 0, "127.0.0.1");
    }

    /**
     * Options from system properties, then flags.
     *
     * @throws IllegalArgumentException for an unknown flag or a bad value, naming it
     */
    public static DemoOptions parse(String[] args, Properties properties) {
        DemoOptions d = defaults();
        int port = intProperty(properties, "demo.port", d.port);
        int emulatorPort = intProperty(properties, "demo.emulator-port", d.emulatorPort);
        int partnerPort = intProperty(properties, "demo.partner-port", d.partnerPort);
        String host = properties.getProperty("demo.host", d.host);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--port" -> port = parsePort(flag, value(args, ++i, flag));
                case "--emulator-port" -> emulatorPort = parsePort(flag, value(args, ++i, flag));
                case "--partner-port" -> partnerPort = parsePort(flag, value(args, ++i, flag));
                case "--host" -> host = value(args, ++i, flag);
                default -> throw new IllegalArgumentException("unknown argument: " + flag);
            }
        }
        return new DemoOptions(port, emulatorPort, partnerPort, host);
    }

    /** The application's port; 0 = a free one. */
    public int port() {
        return port;
    }

    /** The emulator's port; 0 = a free one. */
    public int emulatorPort() {
        return emulatorPort;
    }

    /** The port of the second origin that shows CORS; 0 = a free one. */
    public int partnerPort() {
        return partnerPort;
    }

    /** Where Jetty listens. */
    public String host() {
        return host;
    }

    /** The command-line usage. */
    public static String usage() {
        return "options: [--port N (8080)] [--emulator-port N (8081)] [--partner-port N (8082)] [--host H (127.0.0.1)]"
                + "; or -Ddemo.port=N, -Ddemo.emulator-port=N, -Ddemo.partner-port=N, -Ddemo.host=H; 0 = a free port";
    }

    private static int intProperty(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? fallback : parsePort(name, value);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number (0 for a free port), got: " + text);
        }
    }

    private static int checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535, got " + port);
        }
        return port;
    }

    @Override
    public String toString() {
        return "DemoOptions[port=" + port + ", emulator-port=" + emulatorPort + ", partner-port=" + partnerPort
                + ", host=" + host + "]";
    }
}
