package io.github.lrjakarta.benchmarks.token;

import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Two rows of issue 10 §4 for the verifier.
 *
 * <p><b>Scaling</b>: verification on 2 threads against 1 (target ≥ 1.8×), for the cold path (cache
 * off: signature and claims every time) and the warm one (cache hit), on the fixture of {@link
 * TokenVerificationBenchmark}. Each round runs 1 thread, then 2 threads (order alternating) for one
 * wall-clock slice each. Reported per path: the median ratio of wall-clock throughput (meaningful
 * only with two idle cores), the CPU time per verification at 2 threads against 1 (1.0 = the
 * threads do not slow each other down: no shared cache lines fought over), and the time the 2
 * threads spent blocked on a monitor or waiting on a lock ({@code ThreadMXBean} contention
 * monitoring; 0 = nothing serialises them). The last two do not depend on what else the machine
 * runs.
 *
 * <p><b>Key-set path</b>, against the testkit emulator's {@code /connect/jwks} on loopback, each
 * repetition with a new verifier: the first token after start (the key set is fetched), a second
 * token (key known), a token signed after a key rotation (unknown {@code kid}: one refetch), and
 * 100 tokens with a forged unknown {@code kid} right after (no further fetch within {@code
 * key-refetch-interval}, here 1 s). Wall-clock medians, and the number of key-set fetches the emulator saw.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.token.VerificationScalingRun [rounds=20] [sliceMillis=500] [keyRepetitions=15]}.
 */
public final class VerificationScalingRun {

    private VerificationScalingRun() {}

    static volatile Object sink;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long sliceMillis = args.length > 1 ? Long.parseLong(args[1]) : 500;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        if (THREADS.isThreadContentionMonitoringSupported()) {
            THREADS.setThreadContentionMonitoringEnabled(true);
        }
        System.out.printf(Locale.ROOT, "load at start %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        TokenVerificationBenchmark b = new TokenVerificationBenchmark();
        b.setUp();
        scaling("cold (cache off)", t -> b::libraryCold, rounds, sliceMillis);
        scaling("warm (cache hit)", t -> {
            TokenVerificationBenchmark.Cursor cursor = new TokenVerificationBenchmark.Cursor();
            return () -> b.libraryWarm(cursor);
        }, rounds, sliceMillis);
        keySetPath(repetitions);
    }

    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    private static void scaling(String name, IntFunction<Op> perThread, int rounds, long sliceMillis) throws Exception {
        for (int w = 0; w < 4; w++) {
            slice(perThread, 1, sliceMillis);
            slice(perThread, 2, sliceMillis);
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        double blockedMillis = 0;
        for (int r = 0; r < rounds; r++) {
            double[] s1;
            double[] s2;
            if (r % 2 == 0) {
                s1 = slice(perThread, 1, sliceMillis);
                s2 = slice(perThread, 2, sliceMillis);
            } else {
                s2 = slice(perThread, 2, sliceMillis);
                s1 = slice(perThread, 1, sliceMillis);
            }
            wall.add(s2[0] / s1[0]);
            cpu.add(s2[1] / s1[1]);
            one.add(s1[1]);
            two.add(s2[1]);
            blockedMillis += s2[2];
        }
        System.out.printf(Locale.ROOT, "%s: 2 threads / 1 thread throughput (wall) median %.2f (p25 %.2f, p75 %.2f);"
                + " CPU per verification %.3f us at 1 thread, %.3f us at 2 (ratio median %.3f, p25 %.3f, p75 %.3f);"
                + " blocked or waiting at 2 threads: %.1f ms in %d x %d ms%n",
                name, pct(wall, 50), pct(wall, 25), pct(wall, 75), pct(one, 50), pct(two, 50), pct(cpu, 50),
                pct(cpu, 25), pct(cpu, 75), blockedMillis, rounds, sliceMillis);
    }

    /** {ops per wall second, CPU us per op, blocked+waited ms} over one slice on {@code threads} threads. */
    private static double[] slice(IntFunction<Op> perThread, int threads, long millis) throws Exception {
        long[] ops = new long[threads];
        long[] cpu = new long[threads];
        long[] blocked = new long[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Thread> workers = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Op op = perThread.apply(t);
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    ThreadInfo before = THREADS.getThreadInfo(Thread.currentThread().getId());
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long n = 0;
                    Object last = null;
                    while (System.nanoTime() < end[0]) {
                        for (int i = 0; i < 16; i++) {
                            last = op.run();
                        }
                        n += 16;
                    }
                    sink = last;
                    cpu[id] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                    ThreadInfo after = THREADS.getThreadInfo(Thread.currentThread().getId());
                    blocked[id] = after.getBlockedTime() - before.getBlockedTime()
                            + after.getWaitedTime() - before.getWaitedTime();
                    ops[id] = n;
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long start = System.nanoTime();
        end[0] = start + millis * 1_000_000L;
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long totalOps = Arrays.stream(ops).sum();
        return new double[] {totalOps / seconds, Arrays.stream(cpu).sum() / 1_000.0 / totalOps,
            Arrays.stream(blocked).sum()};
    }

    /**
     * The key-set refetch interval of this run. The rotation's refetch is the one of its interval,
     * so the forged {@code kid}s right after it are refused without a fetch.
     */
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(1);

    private static void keySetPath(int repetitions) {
        List<Double> first = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        List<Double> rotated = new ArrayList<>();
        List<Double> forged = new ArrayList<>();
        List<String> fetches = new ArrayList<>();
        try (LoginRocketEmulator emulator = LoginRocketEmulator.builder().sampleRealm().start()) {
            String user = emulator.fixture().users().get(0).email();
            for (int r = -3; r < repetitions; r++) { // 3 unreported: class loading and JIT
                LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
                        .jwks(LoginRocketUrl.parse(emulator.url(), true)).allowInsecureLoopback(true)
                        .keyRefetchInterval(REFETCH_INTERVAL).build();
                String a = emulator.issueToken(user);
                String b = emulator.issueToken(user);
                int f0 = emulator.requestCount("/connect/jwks");
                double tFirst = timed(verifier, a);
                int f1 = emulator.requestCount("/connect/jwks");
                double tKnown = timed(verifier, b);
                // The first fetch does not count against the refetch interval: a key rotated right
                // after it is fetched at once (the one refetch of this interval).
                emulator.rotateSigningKey();
                String c = emulator.issueToken(user);
                int f2 = emulator.requestCount("/connect/jwks");
                double tRotated = timed(verifier, c);
                int f3 = emulator.requestCount("/connect/jwks");
                long t0 = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    TokenVerification v = verifier.verify(withKid(c, "jk_forged" + r + "x" + i));
                    if (v.isValid()) {
                        throw new IllegalStateException("a token with a forged kid verified");
                    }
                }
                double tForged = (System.nanoTime() - t0) / 1e6;
                int f4 = emulator.requestCount("/connect/jwks");
                if (r >= 0) {
                    first.add(tFirst);
                    known.add(tKnown);
                    rotated.add(tRotated);
                    forged.add(tForged);
                    fetches.add((f1 - f0) + "/" + (f3 - f2) + "/" + (f4 - f3));
                }
            }
        }
        System.out.printf(Locale.ROOT, "key-set path (wall ms, median of %d; p25-p75): first token after start %.2f (%.2f-%.2f);"
                + " next token, key known %.3f (%.3f-%.3f); after key rotation (unknown kid) %.2f (%.2f-%.2f);"
                + " 100 forged-kid tokens %.2f (%.2f-%.2f)%n", first.size(),
                pct(first, 50), pct(first, 25), pct(first, 75), pct(known, 50), pct(known, 25), pct(known, 75),
                pct(rotated, 50), pct(rotated, 25), pct(rotated, 75), pct(forged, 50), pct(forged, 25), pct(forged, 75));
        System.out.println("key-set fetches per repetition (first token / rotated kid / 100 forged kids): " + fetches);
    }

    private static double timed(LoginRocketTokenVerifier verifier, String token) {
        long t0 = System.nanoTime();
        TokenVerification v = verifier.verify(token);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!v.isValid()) {
            throw new IllegalStateException("a genuine token did not verify: " + v);
        }
        return ms;
    }

    /** The token with its header's {@code kid} replaced (the signature no longer matters: the kid is unknown). */
    private static String withKid(String token, String kid) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        return enc.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    }

    private static double pct(List<Double> v, int p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.round(p / 100.0 * (a.length - 1)))];
    }
}
