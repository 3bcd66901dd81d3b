package io.github.lrjakarta.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;

/**
 * The short variant of the load harness, for CI: a few seconds of the mix of {@code load.lua}
 * (authenticated cookies, a new token on every other request, anonymous, preflights, cross-origin
 * bearer, {@code ?token=} intake, refreshes, login and logout through the emulator) through the
 * subject application, from 8 threads with the JDK's HTTP client (no {@code wrk} needed), with a
 * verified-token cache of 50 entries, until four times as many new tokens as the caches may hold
 * have been verified (a few seconds on an idle machine; at most {@code maxSeconds}). Fails (exit 1) when
 *
 * <ul>
 *   <li>any response is not the status its kind of request must get (e.g. a 500, or a 401 for a
 *       valid cookie), or a request fails; or
 *   <li>after the run and a full GC, more {@code LoginRocketSession} objects are alive than the
 *       caches may hold (cache size + refreshed sessions + requests in flight), although many
 *       times more distinct tokens were verified: a cache that is not bounded.
 * </ul>
 *
 * <p>Command: {@code java -cp … LoadSmoke [maxSeconds=120]} (class path as in {@code run.sh}).
 * Times nothing: it checks answers and memory, not speed; too little traffic within {@code
 * maxSeconds} to show the bound is a failure too.
 */
public final class LoadSmoke {

    private static final int CACHE_SIZE = 50;
    private static final int STALE_TOKENS = 20;
    private static final int THREADS = 8;
    private static final String SESSION_CLASS = "io.github.lrjakarta.core.LoginRocketSession";

    private LoadSmoke() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        Subject.Settings settings = Subject.Settings.defaults()
                .with("loginrocket.jwt.cache-size", Integer.toString(CACHE_SIZE)).tokens(0, 0);
        List<String> failures = new ArrayList<>();
        try (LoadApp app = LoadApp.start(0, Subject.start(settings))) {
            failures.addAll(run(app, seconds));
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAIL " + f));
            System.exit(1);
        }
        System.out.println("OK");
        System.exit(0);
    }

    private static List<String> run(LoadApp app, int seconds) throws Exception {
        Subject subject = app.subject();
        List<String> tokens = subject.freshTokens(50);
        List<String> stale = subject.staleTokens(STALE_TOKENS);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> wrong = new ConcurrentHashMap<>();
        LongAdder minted = new LongAdder();
        long bound = CACHE_SIZE + STALE_TOKENS + 2L * THREADS;
        long target = 4 * bound;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                Session s = new Session(http, app.url(), answers, wrong);
                for (int i = offset; minted.sum() < target && System.nanoTime() < end; i++) {
                    String token = tokens.get(i % tokens.size());
                    switch (i % 10) {
                        case 0 -> s.expect("auth", s.get("/api/me").header("Cookie", cookie(token)), 200);
                        case 1, 8, 9 -> {
                            String fresh = s.body("mint", s.get("/mint"));
                            if (fresh != null) {
                                minted.increment();
                                s.expect("fresh", s.get("/api/me").header("Cookie", cookie(fresh)), 200);
                            }
                        }
                        case 2 -> s.expect("anon", s.get("/api/me"), 401);
                        case 3 -> s.expect("preflight", HttpRequest.newBuilder(s.uri("/api/me"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", Subject.PARTNER_ORIGIN)
                                .header("Access-Control-Request-Method", "GET"), 204);
                        case 4 -> s.expect("xorigin", s.get("/api/me").header("Origin", Subject.PARTNER_ORIGIN)
                                .header("Authorization", "Bearer " + token), 200);
                        case 5 -> s.expect("intake", s.get("/api/hello?token=" + token).header("Accept", "text/html"), 303);
                        case 6 -> s.expect("refresh", s.get("/api/me")
                                .header("Cookie", cookie(stale.get(i % stale.size()))), 200);
                        default -> s.loginAndLogout();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long took = (System.nanoTime() - start) / 1_000_000_000L;
        long sessions = liveInstances(SESSION_CLASS);
        System.out.printf("LoadSmoke: %ds, answers %s, new tokens verified %d, %s alive after full GC %d (bound %d),"
                + " server threads %d%n", took, new TreeMap<>(answers), minted.sum(), SESSION_CLASS, sessions,
                bound, app.threadPool().getThreads());
        List<String> failures = new ArrayList<>();
        wrong.forEach((k, v) -> failures.add(v + " x " + k));
        if (minted.sum() < target) {
            failures.add("only " + minted.sum() + " new tokens verified in " + seconds + " s: too few to show the"
                    + " cache bound of " + bound + " (" + target + " wanted)");
        }
        if (sessions > bound) {
            failures.add(sessions + " sessions alive after full GC, more than the caches may hold (" + bound + ")");
        }
        return failures;
    }

    private static String cookie(String token) {
        return "loginrocket_token=" + token;
    }

    /** Live instances of a class after a full GC, from the JVM's class histogram (GC.class_histogram). */
    static long liveInstances(String className) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String line : histogram.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[3].equals(className)) {
                return Long.parseLong(cols[1]);
            }
        }
        return 0;
    }

    /** One worker's requests: the app's base URL, the tallies, and the login round trip. */
    private static final class Session {
        private static final Set<Integer> LOGOUT_STATUSES = Set.of(204, 303);
        private final HttpClient http;
        private final String base;
        private final Map<String, AtomicInteger> answers;
        private final Map<String, AtomicInteger> wrong;

        Session(HttpClient http, String base, Map<String, AtomicInteger> answers, Map<String, AtomicInteger> wrong) {
            this.http = http;
            this.base = base;
            this.answers = answers;
            this.wrong = wrong;
        }

        URI uri(String path) {
            return URI.create(base + path);
        }

        HttpRequest.Builder get(String path) {
            return HttpRequest.newBuilder(uri(path));
        }

        HttpResponse<String> send(String kind, HttpRequest.Builder request) {
            HttpRequest r = request.header("X-Kind", kind).timeout(Duration.ofSeconds(30)).build();
            try {
                HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
                answers.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                return response;
            } catch (Exception e) {
                wrong.computeIfAbsent(kind + ": " + e.getClass().getSimpleName(), k -> new AtomicInteger())
                        .incrementAndGet();
                return null;
            }
        }

        void expect(String kind, HttpRequest.Builder request, int status) {
            expect(kind, request, Set.of(status));
        }

        HttpResponse<String> expect(String kind, HttpRequest.Builder request, Set<Integer> statuses) {
            HttpResponse<String> response = send(kind, request);
            if (response != null && !statuses.contains(response.statusCode())) {
                wrong.computeIfAbsent(kind + " answered " + response.statusCode(), k -> new AtomicInteger())
                        .incrementAndGet();
                return null;
            }
            return response;
        }

        String body(String kind, HttpRequest.Builder request) {
            HttpResponse<String> response = expect(kind, request, Set.of(200));
            return response == null ? null : response.body();
        }

        /** {@code POST /signin} (the app logs in through the emulator), the token intake it leads to, {@code POST /logout}. */
        void loginAndLogout() {
            HttpResponse<String> signin = expect("signin", HttpRequest.newBuilder(uri("/signin"))
                    .POST(HttpRequest.BodyPublishers.noBody()), Set.of(303));
            String location = signin == null ? null : signin.headers().firstValue("Location").orElse(null);
            if (location == null || !location.contains("token=")) {
                wrong.computeIfAbsent("signin without a token in Location", k -> new AtomicInteger()).incrementAndGet();
                return;
            }
            String token = URLDecoder.decode(location.substring(location.indexOf("token=") + 6), StandardCharsets.US_ASCII);
            expect("landing", get(location).header("Accept", "text/html"), Set.of(303));
            expect("logout", HttpRequest.newBuilder(uri("/logout")).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Cookie", cookie(token)), LOGOUT_STATUSES);
        }
    }
}
