package io.github.lrjakarta.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The emulator's HTTP(S) server on the JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1.
 * Every request goes through the same pipeline: request id, recording, fault injection, CORS, rate
 * limiting, then one of the route groups ({@code /v2/}, {@code /connect/jwks}, LoginRocket Web pages,
 * {@code /_emulator/} controls). Requests are handled on a bounded thread pool.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
    /** Bodies above this size get 413; the LoginRocket API never needs more. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** IMF-fixdate (RFC 7231), always two-digit days, always GMT. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final RealmState realm;
    private final SigningKeys keys;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final TestControls controls;
    private final ApiRoutes api;
    private final WebPages web;
    private final ControlRoutes controlRoutes;
    private final Cors cors;
    private final HeldResponses held;
    private final FaultEffects faultEffects;
    private final String url;

    /**
     * Binds and starts the server.
     *
     * @param port      0 for a free port
     * @param tls       the server's TLS context, or {@code null} for plain http
     * @param threads   handler threads (the queue in front of them holds 1024 connections' requests)
     */
    public EmulatorServer(int port, SSLContext tls, int threads, RealmState realm, SigningKeys keys, Clock clock,
                          RateLimiter rateLimiter, TestControls controls, HeldResponses held) {
        this.realm = realm;
        this.held = held;
        this.faultEffects = new FaultEffects(clock, held);
        this.keys = keys;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.controls = controls;
        this.api = new ApiRoutes(realm);
        this.web = new WebPages(realm);
        this.controlRoutes = new ControlRoutes(controls, realm, keys);
        this.cors = new Cors(() -> realm.realm().allowedOrigins());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                r -> {
                    Thread t = new Thread(r, "loginrocket-emulator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                // When the queue is full the accepting thread handles the request itself: slower, never lost.
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (tls == null) {
                server = HttpServer.create(address, 128);
            } else {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.getDefaultSSLParameters();
                        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            }
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind the LoginRocket emulator to 127.0.0.1:" + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.url = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http(s)://127.0.0.1:<port>}, no trailing slash. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        String requestId = Ids.random("rq_");
        exchange.getResponseHeaders().set("X-Request-ID", requestId);
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            Call call = new Call(exchange, requestId, body);
            try {
                dispatch(call);
            } catch (Call.ConnectionAbort e) {
                throw e;
            } catch (ApiError e) {
                if (!call.responded()) {
                    call.error(e);
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // Anything else left uncaught would leave the client waiting with nothing logged.
                LOG.log(Level.ERROR, "emulator failed on " + call.method() + " " + call.path() + " [" + call.requestId() + "]", e);
                if (!call.responded()) {
                    call.error(ApiError.of(500, "error.server"));
                }
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    private void dispatch(Call call) {
        if (ControlRoutes.handles(call.path())) {
            controlRoutes.handle(call);
            return;
        }
        controls.record().accept(new RecordedRequest(call.method(), call.path(), call.query(), call.headers(),
                new String(call.body(), StandardCharsets.UTF_8), clock.instant()));
        if (call.body().length > MAX_BODY_BYTES) {
            throw ApiError.of(413, "request.too_large");
        }
        Optional<Fault> fault = controls.takeFault().apply(call.path());
        if (fault.isPresent() && faultEffects.apply(call, fault.get())) {
            return;
        }
        cors.decorate(call);
        if (Cors.isPreflight(call) || call.method().equals("OPTIONS")) {
            if (api.knows(call.path()) || call.path().equals("/connect/jwks")) {
                cors.preflight(call);
                return;
            }
            throw ApiError.of(404, "error.not_found");
        }
        rateLimiter.check(call.path(), clock.instant()).ifPresent(d -> {
            call.setHeader("Ratelimit-Limit", Integer.toString(d.limit()));
            call.setHeader("Ratelimit-Remaining", Integer.toString(d.remaining()));
            call.setHeader("Ratelimit-Reset", HTTP_DATE.format(d.resetAt()));
            if (!d.allowed()) {
                throw ApiError.of(429, "error.rate_limited");
            }
        });
        if (call.path().equals("/connect/jwks")) {
            if (!call.method().equals("GET")) {
                throw new ApiError(405, List.of(new ApiError.Message("error.method_not_allowed")),
                        Map.of("Allow", "GET, OPTIONS"));
            }
            call.json(200, keys.jwks());
        } else if (web.handles(call.path())) {
            web.handle(call);
        } else {
            api.handle(call);
        }
    }

    /** Stops accepting, closes held responses, and ends the handler threads. */
    @Override
    public void close() {
        held.close();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "EmulatorServer[" + url + ", realm " + realm.realmId() + "]";
    }
}
