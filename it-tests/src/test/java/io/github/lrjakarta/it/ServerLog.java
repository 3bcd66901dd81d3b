package io.github.lrjakarta.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.logging.JettyLoggerFactory;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * What the container logged from a point on, to check the message of a failed deployment: a deployer reads it in the
 * server log, and some containers report only a generic failure to the deploying client (Tomcat's manager says
 * "context failed to start", Arquillian's Jetty adapter fails with a NullPointerException).
 *
 * <ul>
 *   <li>Jetty (in this JVM): Jetty's stderr log is copied while the capture is open;
 *   <li>Tomcat: what was appended to {@code $CATALINA_BASE/logs/*};
 *   <li>WildFly: what was appended to {@code standalone/log/server.log}.
 * </ul>
 */
public final class ServerLog implements AutoCloseable {

    private final ItContainer container;
    private final Map<Path, Long> sizes = new HashMap<>();
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private StdErrAppender appender;
    private PrintStream original;

    private ServerLog(ItContainer container) {
        this.container = container;
    }

    /** Starts capturing the current container's log. */
    public static ServerLog capture() {
        ServerLog log = new ServerLog(ItContainer.current());
        log.start();
        return log;
    }

    private void start() {
        switch (container) {
            case JETTY -> {
                JettyLoggerFactory factory = (JettyLoggerFactory) LoggerFactory.getILoggerFactory();
                appender = (StdErrAppender) factory.getJettyLogger("org.eclipse.jetty").getAppender();
                original = appender.getStream(); // null: the appender writes to System.err
                PrintStream out = original != null ? original : System.err;
                appender.setStream(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
            }
            case TOMCAT -> logFiles().forEach(f -> sizes.put(f, size(f)));
            case WILDFLY -> logFiles().forEach(f -> sizes.put(f, size(f)));
        }
    }

    /**
     * The text logged since {@link #capture()}, waiting up to {@code 10 s} for {@code expected} to show up (file
     * handlers flush asynchronously); returns what there is if it never does.
     */
    public String textContaining(String expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String text = text();
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            text = text();
        }
        return text;
    }

    private String text() {
        if (container == ItContainer.JETTY) {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }
        StringBuilder text = new StringBuilder();
        for (Path file : logFiles()) {
            long from = sizes.getOrDefault(file, 0L);
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length > from) {
                    byte[] bytes = new byte[(int) (length - from)];
                    in.seek(from);
                    in.readFully(bytes);
                    text.append(new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    private List<Path> logFiles() {
        Path dir = switch (container) {
            case TOMCAT -> Path.of(System.getProperty("tomcat.home"), "logs");
            case WILDFLY -> Path.of(System.getProperty("wildfly.home"), "standalone", "log");
            case JETTY -> throw new IllegalStateException("Jetty logs to this JVM's stderr");
        };
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (appender != null) {
            appender.setStream(original);
        }
    }

    /** Writes through to the real log and keeps a copy. */
    private final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream keep;

        Tee(OutputStream out, ByteArrayOutputStream keep) {
            this.out = out;
            this.keep = keep;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            synchronized (copy) {
                keep.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            synchronized (copy) {
                keep.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
