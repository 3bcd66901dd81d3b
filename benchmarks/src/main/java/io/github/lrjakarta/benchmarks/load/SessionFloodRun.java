package io.github.lrjakarta.benchmarks.load;

import io.github.lrjakarta.testkit.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code ?session=} flood figure (issue 9 §1): unauthenticated {@code GET
 * /api/hello?session=kss_<random>} requests, evenly spread (1,000 in 10 s by default), through
 * Jetty, the filter and the emulator, while a logged-in user keeps working:
 *
 * <ul>
 *   <li>every 50 ms a request to {@code /api/me} with a valid cookie token (must be 200);
 *   <li>at 1 s, 4 s and 7 s a request with a cookie token about to expire, which the filter must
 *       refresh through {@code GET /v2/session} (must be 200 with a new cookie).
 * </ul>
 *
 * <p>Reports the {@code GET /v2/session} calls LoginRocket (the emulator) received for the flood,
 * the longest time one flood request held its server thread (measured in the server, around the
 * filter chain), and the user's results. With {@code --limit N} the emulator answers {@code
 * /v2/session} with 429 after N calls per 10 s, as a tightly rate-limited LoginRocket would.
 *
 * <p>Command: {@code java -cp … SessionFloodRun [--requests 1000] [--seconds 10] [--limit N]
 * [loginrocket.key=value …]} (the keys go to the filter as context-params, e.g. to enable
 * {@code ?session=} intake or set its budget). Exits 0; the verdict is for the reader.
 */
public final class SessionFloodRun {

    private SessionFloodRun() {}

    public static void main(String[] args) throws Exception {
        int requests = 1_000;
        int seconds = 10;
        int limit = 0;
        Subject.Settings settings = Subject.Settings.defaults().tokens(0, 0);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> {
                    int eq = args[i].indexOf('=');
                    if (!args[i].startsWith("loginrocket.") || eq < 0) {
                        throw new IllegalArgumentException("unknown argument " + args[i]);
                    }
                    settings = settings.with(args[i].substring(0, eq), args[i].substring(eq + 1));
                }
            }
        }
        try (LoadApp app = LoadApp.start(0, Subject.start(settings))) {
            run(app, requests, seconds, limit, settings);
        }
        System.exit(0);
    }

    private static void run(LoadApp app, int requests, int seconds, int limit, Subject.Settings settings)
            throws Exception {
        Subject subject = app.subject();
        List<String> userTokens = subject.freshTokens(1);
        List<String> staleTokens = subject.staleTokens(3);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // warm up the JIT and the connection pool on the user's path only
        for (int i = 0; i < 50; i++) {
            send(http, app, "/api/me", "warmup", userTokens.get(0)).join();
        }
        if (limit > 0) {
            subject.emulator().rateLimit("/v2/session", RateLimit.of(limit, Duration.ofSeconds(10)));
        }
        int callsBefore = subject.emulator().requestCount("/v2/session");

        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        Map<String, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> userOutcomes = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodMicros = seconds * 1_000_000L / requests;
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        var flood = timer.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= requests) {
                return;
            }
            all.add(send(http, app, "/api/hello?session=" + Subject.randomSessionId(), "flood", null)
                    .whenComplete((r, e) -> floodStatuses.computeIfAbsent(
                            e == null ? Integer.toString(r.statusCode()) : failure(e),
                            k -> new AtomicInteger()).incrementAndGet()));
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        var user = timer.scheduleAtFixedRate(() -> all.add(send(http, app, "/api/me", "user", userTokens.get(0))
                .whenComplete((r, e) -> userOutcomes.computeIfAbsent(
                        e != null ? "user: " + failure(e) : "user: " + r.statusCode(),
                        k -> new AtomicInteger()).incrementAndGet())), 0, 50, TimeUnit.MILLISECONDS);
        for (int i = 0; i < staleTokens.size(); i++) {
            String stale = staleTokens.get(i);
            timer.schedule(() -> all.add(send(http, app, "/api/me", "refresh", stale).whenComplete((r, e) -> {
                String outcome = e != null ? failure(e)
                        : r.statusCode() + (r.headers().firstValue("Set-Cookie").isPresent() ? " + new cookie" : "");
                userOutcomes.computeIfAbsent("refresh: " + outcome, k -> new AtomicInteger()).incrementAndGet();
            })), 1_000 + 3_000L * i * seconds / 10, TimeUnit.MILLISECONDS);
        }
        while (sent.get() < requests) {
            Thread.sleep(50);
        }
        long floodSent = System.nanoTime() - start;
        flood.cancel(false);
        user.cancel(false);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        long finished = System.nanoTime() - start;
        timer.shutdownNow();
        int calls = subject.emulator().requestCount("/v2/session") - callsBefore;

        System.out.println("RESULT session flood: " + requests + " requests sent in "
                + millis(floodSent) + " ms, all answered after " + millis(finished) + " ms"
                + (limit > 0 ? "; emulator limits /v2/session to " + limit + " per 10 s" : "; no emulator rate limit")
                + "; filter params " + settings.filterParams());
        System.out.println("  GET /v2/session calls made (flood + the user's refreshes): " + calls);
        System.out.println("  flood responses by status (or the client's failure): " + new TreeMap<>(floodStatuses));
        System.out.println("  longest server time of one flood request: " + millis(app.longestNanos("flood")) + " ms");
        System.out.println("  longest server time of the user's requests: " + millis(app.longestNanos("user"))
                + " ms; of the refreshes: " + millis(app.longestNanos("refresh")) + " ms");
        System.out.println("  user outcomes: " + new TreeMap<>(userOutcomes));
        System.out.println("  server threads: " + app.threadPool().getThreads() + " (max " + LoadApp.MAX_THREADS
                + "); load " + String.format("%.1f", java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static CompletableFuture<HttpResponse<Void>> send(HttpClient http, LoadApp app, String path, String kind,
            String cookieToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .timeout(Duration.ofSeconds(60)).header("X-Kind", kind).header("Accept", "application/json");
        if (cookieToken != null) {
            request.header("Cookie", "loginrocket_token=" + cookieToken);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The root cause's class and message: the JDK client's own words (a URL at most, no credentials). */
    private static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
