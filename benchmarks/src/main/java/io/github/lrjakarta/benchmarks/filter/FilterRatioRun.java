package io.github.lrjakarta.benchmarks.filter;

import io.github.lrjakarta.benchmarks.servlet.ServletFakes;
import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.servlet.ClientForwarding;
import io.github.lrjakarta.servlet.internal.LogContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paired, interleaved timing of {@link FilterBenchmark}'s contenders, for a machine shared with
 * other work: JMH times one contender after another, so load that comes and goes skews the
 * differences between them. Here each round times every contender for a short slice back to back
 * (rotating who goes first) and the extra cost is taken within the round; the report gives medians
 * over rounds. Time is the measuring thread's CPU time, so time spent descheduled does not count.
 *
 * <p>Besides the filter and the no-op baseline it times {@code bindOnly} (binding and releasing
 * the browser's agent and language, {@code ClientForwarding}: lazy, so no header is read), {@code
 * logContextOnly} (opening and closing the log context of an anonymous request, with the MDC found
 * on this class path) and {@code servletCalls} (the header and path lookups the filter makes on the
 * untouched path, with no logic), to show where the extra cost goes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.filter.FilterRatioRun [rounds] [sliceMillis]} (defaults 40 and 100).
 */
public final class FilterRatioRun {

    private FilterRatioRun() {}

    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        FilterBenchmark b = new FilterBenchmark();
        b.setUp();
        try {
            ServletFakes.Request untouched = b.untouchedRequest();
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("untouched_noOpFilter", b::untouched_noOpFilter);
            ops.put("untouched_loginRocketFilter", b::untouched_loginRocketFilter);
            ops.put("untouchedBare_noOpFilter", b::untouchedBare_noOpFilter);
            ops.put("untouchedBare_loginRocketFilter", b::untouchedBare_loginRocketFilter);
            ops.put("authenticated_noOpFilter", b::authenticated_noOpFilter);
            ops.put("authenticated_loginRocketFilter", b::authenticated_loginRocketFilter);
            ops.put("bindOnly", () -> {
                try (CallContext.Scope scope = ClientForwarding.bind(untouched)) {
                    return scope;
                }
            });
            LogContext logContext = LogContext.detect(FilterRatioRun.class.getClassLoader());
            ops.put("logContextOnly", () -> {
                Object[] opened = logContext.open(untouched);
                logContext.close(opened);
                return opened;
            });
            ops.put("servletCalls", () -> {
                int h = 0;
                for (String name : new String[] {"Origin", "Authorization", "Cookie"}) {
                    String v = untouched.getHeader(name);
                    h += v == null ? 0 : v.length();
                }
                return h + untouched.getServletPath().length() + untouched.getMethod().length()
                        + (untouched.getPathInfo() == null ? 0 : 1) + (untouched.getQueryString() == null ? 0 : 1);
            });

            for (int w = 0; w < 5; w++) {
                for (Op op : ops.values()) {
                    time(op, sliceNanos * 2);
                }
            }
            Map<String, List<Double>> perOp = new LinkedHashMap<>();
            ops.keySet().forEach(k -> perOp.put(k, new ArrayList<>()));
            Map<String, List<Double>> extra = new LinkedHashMap<>();
            for (String c : List.of("untouched", "untouchedBare", "authenticated")) {
                extra.put(c, new ArrayList<>());
            }
            List<String> names = new ArrayList<>(ops.keySet());
            for (int r = 0; r < rounds; r++) {
                Map<String, Double> round = new LinkedHashMap<>();
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + r) % names.size());
                    round.put(name, time(ops.get(name), sliceNanos));
                }
                round.forEach((k, v) -> perOp.get(k).add(v));
                extra.forEach((c, list) -> list.add(round.get(c + "_loginRocketFilter") - round.get(c + "_noOpFilter")));
            }
            System.out.printf(Locale.ROOT, "rounds=%d slice=%dms (thread CPU time, ns/op)%n", rounds, sliceNanos / 1_000_000);
            perOp.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-34s median %8.1f  (p25 %.1f, p75 %.1f)%n",
                    k, median(v), pct(v, 25), pct(v, 75)));
            extra.forEach((k, v) -> System.out.printf(Locale.ROOT, "extra %-28s median %8.1f  (p25 %.1f, p75 %.1f)%n",
                    k, median(v), pct(v, 25), pct(v, 75)));
        } finally {
            b.tearDown();
        }
    }

    private static double time(Op op, long sliceNanos) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long wallEnd = System.nanoTime() + sliceNanos;
        long cpuStart = mx.getCurrentThreadCpuTime();
        long n = 0;
        Object last = null;
        while (System.nanoTime() < wallEnd) {
            for (int i = 0; i < 1000; i++) {
                last = op.run();
            }
            n += 1000;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
        sink = last;
        return (double) cpu / n;
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
