package io.github.lrjakarta.benchmarks.load;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.CountDownLatch;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.Listener;

/**
 * The demo-shaped application the load harness drives: embedded Jetty 12 (ee10) on {@code
 * 127.0.0.1}, Weld servlet (CDI) and Jersey (JAX-RS, {@link LoadApplication} under {@code /api}).
 *
 * <p>Two modes, each its own JVM so that each has its own class path, heap and JIT:
 *
 * <ul>
 *   <li>{@code subject}: plus the LoginRocket filter and the CDI extension, with the testkit
 *       emulator as LoginRocket on loopback ({@link Subject}); writes the login tokens the {@code
 *       wrk} scripts send.
 *   <li>{@code baseline}: the same application without them. Run it with a class path that lacks
 *       the servlet-filter and CDI extension classes ({@code benchmarks/load/run.sh} does), so that
 *       Weld cannot find the extension.
 * </ul>
 *
 * <p>Both modes copy the request header {@code X-Kind} (the script's name for the kind of
 * request) into the response, so that the script can check each answer against what that kind
 * of request must get. Not thread-safe to start; the running server is.
 *
 * <p>Command: {@code java -cp … LoadApp subject|baseline PORT [OUTPUT_DIR [loginrocket.key=value …]]}
 * (the keys go to the subject's filter and CDI extension as context-params). Prints {@code READY}
 * once it listens; stops with the process.
 */
public final class LoadApp implements AutoCloseable {

    /** Jetty's default maximum, as a user of an embedded Jetty would have it. */
    static final int MAX_THREADS = 200;

    private final Server server;
    private final Subject subject;
    private final KindEcho kindEcho;

    private LoadApp(Server server, Subject subject, KindEcho kindEcho) {
        this.server = server;
        this.subject = subject;
        this.kindEcho = kindEcho;
    }

    /**
     * Starts the application on {@code port} (0 = a free one).
     *
     * @param subject the LoginRocket parts, or {@code null} for the baseline
     */
    public static LoadApp start(int port, Subject subject) throws Exception {
        Server server = new Server(new QueuedThreadPool(MAX_THREADS, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        KindEcho kindEcho = new KindEcho();
        context.addFilter(new FilterHolder(kindEcho), "/*", EnumSet.of(DispatcherType.REQUEST));
        if (subject != null) {
            subject.configure(context);
        }
        context.addEventListener(new Listener());
        ServletHolder jersey = context.addServlet(ServletContainer.class, "/api/*");
        jersey.setInitParameter("jakarta.ws.rs.Application", LoadApplication.class.getName());
        jersey.setInitParameter("jersey.config.server.wadl.disableWadl", "true");
        jersey.setInitOrder(1);
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the load application failed to start; see the log above");
        }
        return new LoadApp(server, subject, kindEcho);
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The server's thread pool, for the number of threads in use. */
    public QueuedThreadPool threadPool() {
        return (QueuedThreadPool) server.getThreadPool();
    }

    /** The LoginRocket side, or {@code null} in the baseline. */
    public Subject subject() {
        return subject;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            if (subject != null) {
                subject.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("subject") || args[0].equals("baseline"))) {
            System.err.println("usage: LoadApp subject|baseline PORT [OUTPUT_DIR [loginrocket.key=value ...]]");
            System.exit(2);
        }
        boolean isSubject = args[0].equals("subject");
        Path out = Path.of(args.length > 2 ? args[2] : "benchmarks/target/load");
        Files.createDirectories(out);
        Subject subject = isSubject ? Subject.start(settings(args)) : null;
        LoadApp app = start(Integer.parseInt(args[1]), subject);
        if (subject != null) {
            subject.writeTokens(out);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }));
        System.out.println("READY " + args[0] + " " + app.url() + " pid " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * The longest time, in nanoseconds, one request of this kind ({@code X-Kind}) held its server
     * thread in the filter chain (the LoginRocket filter and the application); 0 if none came.
     */
    public long longestNanos(String kind) {
        LongAccumulator longest = kindEcho.longest.get(kind);
        return longest == null ? 0 : longest.get();
    }

    /** The defaults, plus {@code loginrocket.key=value} arguments after the third. */
    private static Subject.Settings settings(String[] args) {
        Subject.Settings settings = Subject.Settings.defaults();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (!args[i].startsWith("loginrocket.") || eq < 0) {
                throw new IllegalArgumentException("expected loginrocket.key=value, got " + args[i]);
            }
            settings = settings.with(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return settings;
    }

    /**
     * Copies {@code X-Kind} into the response (see the class comment) and records, per kind, the
     * longest time a request spent in the rest of the chain.
     */
    static final class KindEcho implements Filter {
        final Map<String, LongAccumulator> longest = new ConcurrentHashMap<>();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String kind = ((HttpServletRequest) request).getHeader("X-Kind");
            if (kind == null) {
                chain.doFilter(request, response);
                return;
            }
            ((HttpServletResponse) response).setHeader("X-Kind", kind);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                long took = System.nanoTime() - start;
                longest.computeIfAbsent(kind, k -> new LongAccumulator(Math::max, 0)).accumulate(took);
            }
        }
    }
}
