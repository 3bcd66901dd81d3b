package io.github.lrjakarta.testkit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the emulator from the command line:
 * {@code java -jar loginrocket-testkit.jar [--port N] [--fixture FILE] [--tls]}. Port 0 (the
 * default) picks a free port; without {@code --fixture} the sample realm is served. The first line
 * on standard output is the base URL (scripts read it); a short summary of the users follows. The
 * emulator serves until the process is killed.
 *
 * @since 0.1
 */
public final class Main {

    private Main() {
    }

    /** Entry point; exits with status 2 on bad arguments. */
    public static void main(String[] args) throws InterruptedException {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.println(usage());
            return;
        }
        LoginRocketEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("loginrocket-testkit: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "loginrocket-emulator-shutdown"));
        new CountDownLatch(1).await();
    }

    /**
     * Starts an emulator as the command line describes and prints the URL and user summary to
     * {@code out}. The caller closes it.
     *
     * @throws IllegalArgumentException for unknown or malformed arguments
     */
    public static LoginRocketEmulator start(String[] args, PrintStream out) {
        LoginRocketEmulator.Builder builder = LoginRocketEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(parsePort(value(args, ++i, "--port")));
                case "--fixture" -> {
                    Path file = Path.of(value(args, ++i, "--fixture"));
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("fixture file not found: " + file);
                    }
                    builder.fixture(file);
                }
                case "--tls" -> builder.tls(true);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        LoginRocketEmulator emulator = builder.start();
        out.println(emulator.url());
        EmulatorFixture fixture = emulator.fixture();
        out.println("realm " + fixture.realm().name() + " (" + emulator.realmId() + "), org_mode "
                + fixture.realm().orgMode().wireName() + ", signup " + fixture.realm().signup().wireName()
                + (emulator.isTls() ? ", https with a self-signed certificate" : ""));
        for (UserFixture user : fixture.users()) {
            String orgs = user.orgs().stream().map(o -> o.name() + " " + o.permissions())
                    .collect(Collectors.joining(", "));
            out.println("  " + user.email() + " / " + user.password()
                    + user.username().map(u -> "  (username " + u + ")").orElse("")
                    + (orgs.isEmpty() ? "" : "  orgs: " + orgs));
        }
        out.println("login page: " + emulator.url() + "/login?redirect_uri=...   API: " + emulator.apiUrl());
        out.flush();
        return emulator;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got: " + text);
        }
    }

    private static String usage() {
        return "usage: java -jar loginrocket-testkit.jar [--port N] [--fixture FILE] [--tls]";
    }
}
