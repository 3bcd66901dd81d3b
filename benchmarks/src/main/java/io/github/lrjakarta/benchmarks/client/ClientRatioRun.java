package io.github.lrjakarta.benchmarks.client;

import io.github.lrjakarta.core.AccessDeniedException;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Client throughput against the testkit emulator (issue 10 §4): {@link LoginRocketClient} against a
 * hand-written plain Apache HttpClient 5 making the same calls with the same pool settings (50
 * connections, the library's timeouts, no retries, redirects or cookies), the same request headers
 * (copied from what the library sent) and the same work on the answer (body read, JSON parsed,
 * result and token read; a 403 ends the call as the library's {@code AccessDeniedException} does).
 *
 * <p>Calls: {@code GET /v2/session} for a live session (200 with a new, RSA-signed token: the
 * emulator's signing dominates) and for an unknown session id (403, cheap for the emulator, so the
 * client's own cost shows). Each round runs each contender for one slice on {@code threads}
 * threads, back to back, the order alternating; reported: medians over rounds of completed calls
 * per second (wall clock, load-sensitive) and of the calling threads' CPU time per call (what the
 * client itself costs, insensitive to other processes), and the medians of the per-round ratios.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.client.ClientRatioRun [rounds=20] [sliceMillis=500] [threads=4]}.
 */
public final class ClientRatioRun {

    private ClientRatioRun() {}

    static volatile Object sink;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long sliceMillis = args.length > 1 ? Long.parseLong(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (LoginRocketEmulator emulator = LoginRocketEmulator.builder().sampleRealm().threads(16).start();
                LoginRocketClient library = LoginRocketClient.builder().url(emulator.url())
                        .allowInsecureLoopback(true).build()) {
            String live = emulator.issueLogin(emulator.fixture().users().get(0).email(), null).sessionId();
            String unknown = "kss_000000000000000000000000";
            library.getSession(live);
            RecordedRequest sent = emulator.requests().get(emulator.requests().size() - 1);
            PlainClient plain = new PlainClient(emulator.apiUrl(), sent);
            try {
                Map<String, Call> calls = new LinkedHashMap<>();
                calls.put("library live", () -> library.getSession(live));
                calls.put("plain live", () -> plain.getSession(live));
                calls.put("library unknown", () -> {
                    try {
                        return library.getSession(unknown);
                    } catch (AccessDeniedException expected) {
                        return expected;
                    }
                });
                calls.put("plain unknown", () -> plain.getSession(unknown));
                for (Call c : calls.values()) { // every path answers as it should before it is timed
                    sink = c.run();
                }
                check(library.getSession(live).isFullLogin() && plain.getSession(live).getString("token") != null,
                        "live session");
                for (int w = 0; w < 3; w++) {
                    for (Call c : calls.values()) {
                        slice(c, threads, sliceMillis);
                    }
                }
                report(calls, rounds, threads, sliceMillis);
            } finally {
                plain.close();
            }
        }
    }

    private static void report(Map<String, Call> calls, int rounds, int threads, long sliceMillis) throws Exception {
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        calls.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        List<String> names = new ArrayList<>(calls.keySet());
        for (int r = 0; r < rounds; r++) {
            for (int pair = 0; pair < names.size(); pair += 2) {
                String a = names.get(pair + (r % 2));
                String b = names.get(pair + 1 - (r % 2));
                results.get(a).add(slice(calls.get(a), threads, sliceMillis));
                results.get(b).add(slice(calls.get(b), threads, sliceMillis));
            }
        }
        System.out.printf(Locale.ROOT, "rounds=%d slice=%dms threads=%d load=%.1f%n", rounds, sliceMillis, threads,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.forEach((k, v) -> System.out.printf(Locale.ROOT,
                "%-16s median %9.0f calls/s (p25 %.0f, p75 %.0f); CPU %7.1f us/call (p25 %.1f, p75 %.1f)%n", k,
                pct(col(v, 0), 50), pct(col(v, 0), 25), pct(col(v, 0), 75),
                pct(col(v, 1), 50), pct(col(v, 1), 25), pct(col(v, 1), 75)));
        for (String what : List.of("live", "unknown")) {
            List<double[]> lib = results.get("library " + what);
            List<double[]> pl = results.get("plain " + what);
            List<Double> tput = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < lib.size(); i++) {
                tput.add(lib.get(i)[0] / pl.get(i)[0]);
                cpu.add(pl.get(i)[1] / lib.get(i)[1]);
            }
            System.out.printf(Locale.ROOT,
                    "%-8s library/plain throughput: median %.3f (p25 %.3f, p75 %.3f); by client CPU per call: median %.3f (p25 %.3f, p75 %.3f)%n",
                    what, pct(tput, 50), pct(tput, 25), pct(tput, 75), pct(cpu, 50), pct(cpu, 25), pct(cpu, 75));
        }
    }

    /** Runs {@code call} on {@code threads} threads for {@code millis}; returns {calls per second, CPU us per call}. */
    private static double[] slice(Call call, int threads, long millis) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long end = window[1];
                    long n = 0;
                    Object last = null;
                    while (System.nanoTime() < end) {
                        last = call.run();
                        n++;
                    }
                    sink = last;
                    cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                    done.addAndGet(n);
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            workers.add(worker);
            worker.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + TimeUnit.MILLISECONDS.toNanos(millis);
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        return new double[] {done.get() / seconds, cpu.get() / 1_000.0 / done.get()};
    }

    /** The reference: what a careful hand-written client on HttpClient 5 does for {@code GET /v2/session}. */
    static final class PlainClient implements AutoCloseable {
        private final String apiUrl;
        private final RecordedRequest template;
        private final PoolingHttpClientConnectionManager pool;
        private final CloseableHttpClient http;
        private final JsonReaderFactory json = Json.createReaderFactory(Map.of());

        PlainClient(String apiUrl, RecordedRequest template) {
            this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
            this.template = template;
            this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(10)).build())
                    .setMaxConnTotal(50).setMaxConnPerRoute(50).build();
            this.http = HttpClients.custom().setConnectionManager(pool)
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                            .setResponseTimeout(Timeout.ofSeconds(10)).setRedirectsEnabled(false).build())
                    .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                    .disableAuthCaching().disableConnectionState().build();
        }

        JsonObject getSession(String sessionId) throws Exception {
            HttpGet get = new HttpGet(URI.create(apiUrl + "session?session="
                    + URLEncoder.encode(sessionId, StandardCharsets.UTF_8)));
            for (String name : List.of("Accept", "User-Agent", "Accept-Language")) {
                template.header(name).ifPresent(v -> get.addHeader(name, v));
            }
            return http.execute(get, response -> {
                byte[] body = response.getEntity() == null ? new byte[0]
                        : response.getEntity().getContent().readAllBytes();
                JsonObject parsed;
                try (JsonReader reader = json.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
                    parsed = reader.readObject();
                }
                if (response.getCode() == 200) {
                    parsed.getString("result");
                    parsed.getString("token");
                } else {
                    parsed.getString("error");
                }
                return parsed;
            });
        }

        @Override
        public void close() {
            http.close(CloseMode.IMMEDIATE);
            pool.close(CloseMode.IMMEDIATE);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("setup check failed: " + what);
        }
    }

    private static List<Double> col(List<double[]> rows, int i) {
        List<Double> out = new ArrayList<>();
        rows.forEach(r -> out.add(r[i]));
        return out;
    }

    private static double pct(List<Double> v, int p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.round(p / 100.0 * (a.length - 1)))];
    }
}
