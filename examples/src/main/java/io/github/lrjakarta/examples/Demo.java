package io.github.lrjakarta.examples;

import io.github.lrjakarta.servlet.LoginRocketInitializer;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.UserFixture;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.Listener;

/**
 * The running demo: a LoginRocket emulator with the sample realm, and one embedded Jetty 12 with
 * two origins.
 *
 * <ul>
 *   <li><b>The application</b> ({@code http://localhost:8080/}): a static single-page front end,
 *       the JAX-RS API of {@link DemoApplication} under {@code /api} (Jersey, resources managed by
 *       CDI through Weld servlet), {@code /signin} and {@code /logout}. The LoginRocket filter is
 *       registered from {@link io.github.lrjakarta.servlet.EnableLoginRocket @EnableLoginRocket} by {@link
 *       LoginRocketInitializer}, as a servlet container does for a WAR; the CDI extension is found
 *       by Weld through its service file. Both read the same context-params.
 *   <li><b>The partner origin</b> ({@code http://localhost:8082/}): a static page that calls the
 *       API from another origin with credentials. It is allowed by {@code
 *       loginrocket.cors.allowed-origins}; the same page loaded as {@code http://127.0.0.1:8082/}
 *       is a different origin and is blocked by the browser.
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} stops everything.
 *
 * @since 0.1
 */
public final class Demo implements AutoCloseable {

    private static final String WEB = "/io/github/lrjakarta/examples/web/";

    private final LoginRocketEmulator emulator;
    private final Server server;
    private final String appUrl;
    private final String partnerUrl;
    private final String blockedPartnerUrl;

    private Demo(LoginRocketEmulator emulator, Server server, String appUrl, String partnerUrl, String blockedPartnerUrl) {
        this.emulator = emulator;
        this.server = server;
        this.appUrl = appUrl;
        this.partnerUrl = partnerUrl;
        this.blockedPartnerUrl = blockedPartnerUrl;
    }

    /**
     * Starts the emulator and the application.
     *
     * @throws IllegalStateException if a port is taken or the application fails to start
     */
    public static Demo start(DemoOptions options) {
        LoginRocketEmulator emulator;
        try {
            emulator = LoginRocketEmulator.builder().sampleRealm().port(options.emulatorPort()).start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the LoginRocket emulator could not listen on 127.0.0.1:"
                    + options.emulatorPort() + " (" + e.getMessage() + "); pick another port with --emulator-port", e);
        }
        Server server = new Server(new QueuedThreadPool(50, 4));
        try {
            ServerConnector app = connector(server, "app", options.host(), options.port(), "--port");
            ServerConnector partner = connector(server, "partner", options.host(), options.partnerPort(), "--partner-port");
            String appUrl = "http://localhost:" + app.getLocalPort();
            String partnerUrl = "http://localhost:" + partner.getLocalPort();
            // The same server under another host name: another origin, one that is not allowed.
            String blockedPartnerUrl = "http://127.0.0.1:" + partner.getLocalPort();
            JsonObject config = pageConfig(appUrl, emulator, partnerUrl, blockedPartnerUrl);
            ServletContextHandler appContext = appContext(emulator, partnerUrl, config);
            server.setHandler(new ContextHandlerCollection(appContext, partnerContext(config)));
            server.start();
            if (!appContext.isAvailable()) {
                throw new IllegalStateException("the demo application failed to start; see the log above");
            }
            return new Demo(emulator, server, appUrl, partnerUrl, blockedPartnerUrl);
        } catch (Exception e) {
            try {
                stop(server);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            emulator.close();
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("the demo failed to start: " + e, e);
        }
    }

    /** A connector bound now, so that its port is known (port 0) before the contexts are configured. */
    private static ServerConnector connector(Server server, String name, String host, int port, String flag) {
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); pick another port with " + flag, e);
        }
        server.addConnector(connector);
        return connector;
    }

    /** The application, configured as a WAR with context-params would be. */
    private static ServletContextHandler appContext(LoginRocketEmulator emulator, String partnerUrl, JsonObject config) {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.setDisplayName("loginrocket-demo");
        context.setVirtualHosts(List.of("@app"));
        // Per-deployment settings (web.xml <context-param>s); the filter and the CDI extension both read them.
        context.setInitParameter("loginrocket.url", emulator.url());
        // The emulator speaks plain http on 127.0.0.1; a real realm is https and needs no such switch.
        context.setInitParameter("loginrocket.allow-insecure-loopback", "true");
        context.setInitParameter("loginrocket.jwt.realm", emulator.realmId());
        context.setInitParameter("loginrocket.cors.allowed-origins", partnerUrl);

        context.addEventListener(new Listener());
        context.addServletContainerInitializer(new LoginRocketInitializer(), DemoApplication.class);

        ServletHolder jersey = context.addServlet(ServletContainer.class, "/api/*");
        jersey.setInitParameter("jakarta.ws.rs.Application", DemoApplication.class.getName());
        // No JAXB here, so WADL could not work anyway; switching it off keeps a warning out of the console.
        jersey.setInitParameter("jersey.config.server.wadl.disableWadl", "true");
        jersey.setInitOrder(1);
        context.addServlet(SignInServlet.class, "/signin");
        staticFiles(context, "app", config);
        return context;
    }

    /** The second origin: static files only, no filter. */
    private static ServletContextHandler partnerContext(JsonObject config) {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.setDisplayName("loginrocket-demo-partner");
        context.setVirtualHosts(List.of("@partner"));
        staticFiles(context, "partner", config);
        return context;
    }

    /**
     * Serves the origin's own folder, and below it the {@code shared} folder (the stylesheet), so
     * both origins' pages link {@code style.css} from their own server and the file exists once.
     */
    private static void staticFiles(ServletContextHandler context, String folder, JsonObject config) {
        ResourceFactory resources = ResourceFactory.of(context);
        context.setBaseResource(ResourceFactory.combine(webFolder(resources, folder), webFolder(resources, "shared")));
        context.setWelcomeFiles(new String[] {"index.html"});
        context.addServlet(new ServletHolder(new ConfigScript(config)), "/config.js");
        ServletHolder files = context.addServlet(DefaultServlet.class, "/");
        files.setInitParameter("dirAllowed", "false");
    }

    private static Resource webFolder(ResourceFactory resources, String folder) {
        URL root = Demo.class.getResource(WEB + folder + "/");
        if (root == null) {
            throw new IllegalStateException("missing resource folder " + WEB + folder);
        }
        try {
            return resources.newResource(root.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + root, e);
        }
    }

    private static JsonObject pageConfig(String appUrl, LoginRocketEmulator emulator, String partnerUrl,
            String blockedPartnerUrl) {
        JsonArrayBuilder users = DemoJson.FACTORY.createArrayBuilder();
        for (UserFixture user : emulator.fixture().users()) {
            String name = (user.firstName().orElse("") + " " + user.lastName().orElse("")).trim();
            String orgs = user.orgs().stream()
                    .map(o -> o.name() + " " + o.permissions())
                    .collect(Collectors.joining(", "));
            users.add(DemoJson.FACTORY.createObjectBuilder(Map.of(
                    "email", user.email(), "password", user.password(), "name", name, "orgs", orgs)));
        }
        return DemoJson.FACTORY.createObjectBuilder()
                .add("app", appUrl)
                .add("emulator", emulator.url())
                .add("partner", partnerUrl)
                .add("blockedPartner", blockedPartnerUrl)
                .add("users", users)
                .build();
    }

    /** The application, e.g. {@code http://localhost:8080}. */
    public String appUrl() {
        return appUrl;
    }

    /** The emulator's realm root, e.g. {@code http://127.0.0.1:8081}. */
    public String emulatorUrl() {
        return emulator.url();
    }

    /** The partner origin, allowed by CORS, e.g. {@code http://localhost:8082}. */
    public String partnerUrl() {
        return partnerUrl;
    }

    /** The partner page under an origin that CORS does not allow, e.g. {@code http://127.0.0.1:8082}. */
    public String blockedPartnerUrl() {
        return blockedPartnerUrl;
    }

    /** The sample realm's users, for the banner. */
    public List<UserFixture> users() {
        return emulator.fixture().users();
    }

    /** Stops the application, then the emulator. */
    @Override
    public void close() {
        try {
            stop(server);
        } finally {
            emulator.close();
        }
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the demo's Jetty failed", e);
        }
    }

    @Override
    public String toString() {
        return "Demo[app " + appUrl + ", emulator " + emulator.url() + ", partner " + partnerUrl + "]";
    }
}
