package io.github.lrjakarta.benchmarks.token;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paired, interleaved timing of the contenders of {@link TokenVerificationBenchmark}, as a check on
 * the JMH run when the machine is shared: JMH measures one contender after another, so load from
 * other processes that comes and goes skews ratios between them. Here every round times each
 * contender for a short slice back to back (in rotating order) and the ratio is taken within the
 * round; the report gives the median per-op time and the median of the per-round ratios. Time is
 * the measuring thread's CPU time ({@code ThreadMXBean}), so time spent descheduled while other
 * processes run does not count; wall-clock slices bound each measurement.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.token.TokenRatioRun [rounds] [sliceMillis]} (defaults 60 and 100).
 */
public final class TokenRatioRun {

    private TokenRatioRun() {}

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        TokenVerificationBenchmark b = new TokenVerificationBenchmark();
        b.setUp();
        TokenVerificationBenchmark.JdkState jdk = new TokenVerificationBenchmark.JdkState();
        jdk.setUp(b);
        TokenVerificationBenchmark.Cursor cursor = new TokenVerificationBenchmark.Cursor();

        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("libraryCold", b::libraryCold);
        ops.put("plainJdk", () -> b.plainJdk(jdk));
        ops.put("nimbus", b::nimbus);
        ops.put("libraryWarm", () -> b.libraryWarm(cursor));

        for (int w = 0; w < 5; w++) { // warm-up: let every path compile
            for (Op op : ops.values()) {
                time(op, sliceNanos * 2);
            }
        }
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        ops.keySet().forEach(k -> perOp.put(k, new ArrayList<>()));
        List<Double> coldVsJdk = new ArrayList<>();
        List<Double> coldVsNimbus = new ArrayList<>();
        List<Double> coldVsWarm = new ArrayList<>();
        List<String> names = new ArrayList<>(ops.keySet());
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> round = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + r) % names.size()); // rotate who goes first
                round.put(name, time(ops.get(name), sliceNanos));
            }
            round.forEach((k, v) -> perOp.get(k).add(v));
            // throughput ratio = inverse time ratio
            coldVsJdk.add(round.get("plainJdk") / round.get("libraryCold"));
            coldVsNimbus.add(round.get("nimbus") / round.get("libraryCold"));
            coldVsWarm.add(round.get("libraryCold") / round.get("libraryWarm"));
        }
        System.out.printf(Locale.ROOT, "rounds=%d slice=%dms (thread CPU time)%n", rounds, sliceNanos / 1_000_000);
        perOp.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-12s median %10.3f us/op  (p25 %.3f, p75 %.3f)%n",
                k, median(v), pct(v, 25), pct(v, 75)));
        System.out.printf(Locale.ROOT, "throughput libraryCold / plainJdk : median %.3f  (p25 %.3f, p75 %.3f)%n",
                median(coldVsJdk), pct(coldVsJdk, 25), pct(coldVsJdk, 75));
        System.out.printf(Locale.ROOT, "throughput libraryCold / nimbus   : median %.3f  (p25 %.3f, p75 %.3f)%n",
                median(coldVsNimbus), pct(coldVsNimbus, 25), pct(coldVsNimbus, 75));
        System.out.printf(Locale.ROOT, "speed-up   libraryWarm vs cold    : median %.0fx  (p25 %.0f, p75 %.0f)%n",
                median(coldVsWarm), pct(coldVsWarm, 25), pct(coldVsWarm, 75));
    }

    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Mean CPU microseconds per op over one slice of (at most) {@code sliceNanos} CPU time. */
    private static double time(Op op, long sliceNanos) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long end = start + sliceNanos;
        long n = 0;
        long now;
        Object last = null;
        do {
            for (int i = 0; i < 16; i++) {
                last = op.run();
            }
            n += 16;
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < end);
        sink = last;
        return (now - start) / 1_000.0 / n;
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
