package io.github.lrjakarta.benchmarks.load;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.UserFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The LoginRocket side of the load application: the testkit emulator (sample realm) as LoginRocket
 * on loopback, the {@link LoginRocketFilter} in front of everything, the CDI extension (found by
 * Weld on the class path), and two harness servlets:
 *
 * <ul>
 *   <li>{@code POST /signin} logs in through the emulator ({@code POST /v2/login}, the sample
 *       user's password) and answers 303 to {@code /api/hello?token=…}, as LoginRocket Web's
 *       redirect would, so that the script's next request is the filter's token intake;
 *   <li>{@code GET /mint} answers a new login token, signed by the realm's key, with a session id
 *       no one has used (no emulator session is created, so the emulator does not grow): for the
 *       soak in which every request carries a new token.
 * </ul>
 *
 * <p>Filter settings: login required on {@code /api/me}, logout at {@code /logout}, {@code
 * /api/hello} as the login landing path, one allowed CORS origin ({@link #PARTNER_ORIGIN}),
 * everything else at its default (verified-token cache
 * 10,000, refresh within 1 minute of expiry). Thread-safe once started.
 */
public final class Subject implements AutoCloseable {

    /** The cross-origin front end the scripts claim to come from. */
    public static final String PARTNER_ORIGIN = "https://partner.example";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Settings settings;
    private final LoginRocketEmulator emulator;
    private final LoginRocketClient client;
    private final UserFixture user;
    private final JsonObject claimsTemplate;

    private Subject(Settings settings, LoginRocketEmulator emulator) {
        this.settings = settings;
        this.emulator = emulator;
        this.client = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build();
        this.user = emulator.fixture().users().get(0);
        this.claimsTemplate = claims(emulator.issueToken(user.email()));
    }

    /** What can differ between harness runs. */
    public record Settings(Map<String, String> filterParams, int freshTokens, int staleTokens) {

        /** The load run's: default keys, 1,000 fresh tokens, 2,000 about to expire. */
        public static Settings defaults() {
            return new Settings(Map.of(), 1_000, 2_000);
        }

        /** With an extra {@code loginrocket.*} context-param. */
        public Settings with(String key, String value) {
            Map<String, String> params = new LinkedHashMap<>(filterParams);
            params.put(key, value);
            return new Settings(params, freshTokens, staleTokens);
        }

        public Settings tokens(int fresh, int stale) {
            return new Settings(filterParams, fresh, stale);
        }
    }

    /** Starts the emulator (sample realm, free port, 16 handler threads). */
    public static Subject start(Settings settings) {
        return new Subject(settings, LoginRocketEmulator.builder().sampleRealm().threads(16).start());
    }

    /** The emulator, e.g. to count the calls it answered. */
    public LoginRocketEmulator emulator() {
        return emulator;
    }

    void configure(ServletContextHandler context) {
        context.setInitParameter("loginrocket.url", emulator.url());
        context.setInitParameter("loginrocket.allow-insecure-loopback", "true");
        context.setInitParameter("loginrocket.jwt.realm", emulator.realmId());
        context.setInitParameter("loginrocket.cors.allowed-origins", PARTNER_ORIGIN);
        context.setInitParameter("loginrocket.login-required", "/api/me");
        context.setInitParameter("loginrocket.logout-path", "/logout");
        context.setInitParameter("loginrocket.logout-redirect", "/api/hello");
        // The page LoginRocket sends logins back to with ?token= (its "Default Login URL"): URL
        // credentials are taken there without the browser's login-state cookie, which wrk's
        // scripted logins, like links from LoginRocket's own e-mails, do not have.
        context.setInitParameter("loginrocket.login-landing-paths", "/api/hello");
        settings.filterParams().forEach(context::setInitParameter);
        context.addFilter(new FilterHolder(new LoginRocketFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SignIn()), "/signin");
        context.addServlet(new ServletHolder(new Mint()), "/mint");
    }

    /**
     * Writes {@code tokens.txt} (fresh logins, one per line, each its own emulator session) and
     * {@code stale.txt} (logins issued 59.5 minutes ago, so that the filter refreshes them: they
     * expire within its one-minute {@code refresh-before}).
     */
    public void writeTokens(Path dir) throws IOException {
        Files.write(dir.resolve("tokens.txt"), freshTokens(settings.freshTokens()));
        Files.write(dir.resolve("stale.txt"), staleTokens(settings.staleTokens()));
    }

    /** {@code n} login tokens of the sample user, each from its own emulator session. */
    public List<String> freshTokens(int n) {
        List<String> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(emulator.issueToken(user.email()));
        }
        return tokens;
    }

    /**
     * {@code n} login tokens issued 59.5 minutes ago (60-minute tokens), from live sessions. Moves
     * the emulator's clock meanwhile: call before load starts.
     */
    public List<String> staleTokens(int n) {
        List<String> tokens = new ArrayList<>(n);
        emulator.clock().advance(Duration.ofSeconds(-(60 * 60 - 30)));
        try {
            for (int i = 0; i < n; i++) {
                tokens.add(emulator.issueToken(user.email()));
            }
        } finally {
            emulator.clock().resetOffset();
        }
        return tokens;
    }

    /** A new, genuine login token whose session id no other token has (see the class comment). */
    public String mint() {
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder claims = Json.createObjectBuilder(claimsTemplate)
                .add("sid", "kss_" + base62(24))
                .add("iat", now)
                .add("exp", now + 3600);
        return emulator.signClaims(claims.build());
    }

    /** {@code kss_} and 24 random base62 characters: shaped like a session id, known to no one. */
    public static String randomSessionId() {
        return "kss_" + base62(24);
    }

    private static String base62(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return s.toString();
    }

    private static JsonObject claims(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            emulator.close();
        }
    }

    /** {@code POST /signin}: see the class comment. */
    private final class SignIn extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            LoginResult result;
            try {
                result = client.login(user.email(), user.password());
            } catch (LoginRocketException e) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            if (!result.isFullLogin() || result.token().isEmpty()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/api/hello?token="
                    + URLEncoder.encode(result.token().get(), StandardCharsets.US_ASCII));
        }
    }

    /** {@code GET /mint}: see the class comment. */
    private final class Mint extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(mint());
        }
    }
}
