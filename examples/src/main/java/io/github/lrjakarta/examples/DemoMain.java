package io.github.lrjakarta.examples;

import io.github.lrjakarta.testkit.UserFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.stream.Collectors;

/**
 * Runs the demo until the process is stopped (Ctrl+C):
 * {@code mvn -q -pl examples exec:java}, with flags in {@code -Dexec.args="--port 9090"} or as
 * system properties ({@code -Ddemo.port=9090}); see {@link DemoOptions}.
 *
 * <p>Prints the URLs and the sample users to standard output once everything listens: that is the
 * purpose of this class, so it writes to {@code System.out} rather than to a logger.
 *
 * @since 0.1
 */
public final class DemoMain {

    private DemoMain() {}

    /** Entry point; exits with status 2 on bad arguments and 1 when the demo cannot start. */
    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("loginrocket-demo: " + e.getMessage());
            System.err.println(DemoOptions.usage());
            System.exit(2);
            return;
        }
        Demo demo;
        try {
            demo = Demo.start(options);
        } catch (IllegalStateException e) {
            System.err.println("loginrocket-demo: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "loginrocket-demo-shutdown"));
        printBanner(demo, System.out);
        new CountDownLatch(1).await();
    }

    static void printBanner(Demo demo, PrintStream out) {
        out.println();
        out.println("LoginRocket for Jakarta EE: demo");
        out.println("  App:       " + demo.appUrl() + "/");
        out.println("  Emulator:  " + demo.emulatorUrl() + "   (LoginRocket, sample realm; login page "
                + demo.emulatorUrl() + "/login)");
        out.println("  CORS:      " + demo.partnerUrl() + "/ is an allowed second origin; "
                + demo.blockedPartnerUrl() + "/ is not");
        out.println("  Sample users (e-mail / password):");
        for (UserFixture user : demo.users()) {
            String orgs = user.orgs().stream().map(o -> o.name() + " " + o.permissions())
                    .collect(Collectors.joining(", "));
            out.println("    " + user.email() + " / " + user.password() + "   " + orgs);
        }
        out.println("  Stop with Ctrl+C.");
        out.flush();
    }

    /**
     * Keeps the console for the banner: warnings only, except this library's own INFO lines.
     * A {@code -Djava.util.logging.config.file} given by the user wins.
     */
    private static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = DemoMain.class.getResourceAsStream("demo-logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("loginrocket-demo: could not read demo-logging.properties: " + e.getMessage());
        }
    }
}
