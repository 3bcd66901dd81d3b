package io.github.lrjakarta.benchmarks.cors;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paired, interleaved timing of {@link CorsBenchmark}'s contenders, as a check on the JMH run on a
 * shared machine: JMH measures one contender after another in separate forks, so load from other
 * processes that comes and goes skews the comparison. Here every round times each operation for a
 * short slice back to back (in rotating order), extra costs and ratios are computed within the
 * round, and the report gives their medians. Time is the thread's CPU time ({@code ThreadMXBean}),
 * read once per 512 operations so that reading the clock does not swamp operations of a few
 * nanoseconds; time spent descheduled does not count.
 *
 * <p>All operations share one JVM, so {@code CorsPolicy.handle} is compiled having seen
 * preflights, actual requests and requests without {@code Origin}, as in a real filter.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.cors.CorsRatioRun [rounds] [sliceMillis]} (defaults 40 and 50).
 */
public final class CorsRatioRun {

    private CorsRatioRun() {}

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile int sink;

    @FunctionalInterface
    interface Op {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 50) * 1_000_000L;
        CorsBenchmark b = new CorsBenchmark();
        b.setUp();

        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("preflight_baselineServlet", b::preflight_baselineServlet);
        ops.put("preflight_corsPolicy", b::preflight_corsPolicy);
        ops.put("preflight_corsPolicyHeadersMemoMiss", b::preflight_corsPolicyHeadersMemoMiss);
        ops.put("preflight_servletApiFloor", b::preflight_servletApiFloor);
        ops.put("preflight_tomcatCorsFilter", b::preflight_tomcatCorsFilter);
        ops.put("preflight_baselineJetty", b::preflight_baselineJetty);
        ops.put("preflight_jettyCrossOriginHandler", b::preflight_jettyCrossOriginHandler);
        ops.put("actual_baselineServlet", b::actual_baselineServlet);
        ops.put("actual_corsPolicy", b::actual_corsPolicy);
        ops.put("actual_servletApiFloor", b::actual_servletApiFloor);
        ops.put("actual_corsPolicyWildcardOrigin", b::actual_corsPolicyWildcardOrigin);
        ops.put("actual_tomcatCorsFilter", b::actual_tomcatCorsFilter);
        ops.put("actual_baselineJetty", b::actual_baselineJetty);
        ops.put("actual_jettyCrossOriginHandler", b::actual_jettyCrossOriginHandler);
        ops.put("noOrigin_baselineServlet", b::noOrigin_baselineServlet);
        ops.put("noOrigin_corsPolicy", b::noOrigin_corsPolicy);

        for (int w = 0; w < 5; w++) { // warm-up: let every path compile
            for (Op op : ops.values()) {
                time(op, sliceNanos * 2);
            }
        }
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        ops.keySet().forEach(k -> perOp.put(k, new ArrayList<>()));
        Map<String, List<Double>> derived = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(ops.keySet());
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + r) % names.size()); // rotate who goes first
                t.put(name, time(ops.get(name), sliceNanos));
            }
            t.forEach((k, v) -> perOp.get(k).add(v));
            for (String s : List.of("preflight", "actual")) {
                double policy = t.get(s + "_corsPolicy") - t.get(s + "_baselineServlet");
                double tomcat = t.get(s + "_tomcatCorsFilter") - t.get(s + "_baselineServlet");
                double jetty = t.get(s + "_jettyCrossOriginHandler") - t.get(s + "_baselineJetty");
                add(derived, s + " extra ns: CorsPolicy", policy);
                add(derived, s + " extra ns: servlet calls alone (floor)", t.get(s + "_servletApiFloor") - t.get(s + "_baselineServlet"));
                add(derived, s + " extra ns: Jetty CrossOriginHandler", jetty);
                add(derived, s + " extra ns: Tomcat CorsFilter", tomcat);
                add(derived, s + " ratio CorsPolicy / Jetty", policy / jetty);
                add(derived, s + " ratio Tomcat / CorsPolicy", tomcat / policy);
            }
            add(derived, "preflight extra ns: CorsPolicy, headers memo miss",
                    t.get("preflight_corsPolicyHeadersMemoMiss") - t.get("preflight_baselineServlet"));
            add(derived, "noOrigin extra ns: CorsPolicy", t.get("noOrigin_corsPolicy") - t.get("noOrigin_baselineServlet"));
        }
        System.out.printf(Locale.ROOT, "rounds=%d slice=%dms (thread CPU time)%n", rounds, sliceNanos / 1_000_000);
        perOp.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-36s median %9.1f ns/op  (p25 %.1f, p75 %.1f)%n",
                k, median(v), pct(v, 25), pct(v, 75)));
        derived.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-44s median %9.2f  (p25 %.2f, p75 %.2f)%n",
                k, median(v), pct(v, 25), pct(v, 75)));
    }

    private static void add(Map<String, List<Double>> m, String key, double v) {
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Mean CPU nanoseconds per op over one slice of (at least) {@code sliceNanos} CPU time. */
    private static double time(Op op, long sliceNanos) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long end = start + sliceNanos;
        long n = 0;
        long now;
        int acc = 0;
        do {
            for (int i = 0; i < 512; i++) {
                acc += op.run();
            }
            n += 512;
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < end);
        sink = acc;
        return (double) (now - start) / n;
    }

    private static double median(List<Double> v) {
        return pct(v, 50);
    }

    private static double pct(List<Double> v, int p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.round(p / 100.0 * (a.length - 1)))];
    }
}
