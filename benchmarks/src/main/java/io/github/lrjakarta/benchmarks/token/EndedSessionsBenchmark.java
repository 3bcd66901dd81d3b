package io.github.lrjakarta.benchmarks.token;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.InMemoryEndedSessions;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the ended-sessions check costs on the warm path (a verified-token cache hit), where it runs
 * on every authenticated request.
 *
 * <ul>
 *   <li>{@code warmWithoutStore}: a store that answers "not ended" without looking anything up,
 *       i.e. the warm path as it was before the check existed (plus one monomorphic call).
 *   <li>{@code warmWithStore}: an {@link InMemoryEndedSessions} holding 100,000 other ended
 *       sessions. This is also the request path of the shared JCache store ({@code loginrocket-jcache}),
 *       whose {@code isEnded} is this very lookup on its local mirror plus one delegating call; the
 *       JCache engine is never touched per request.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EndedSessions -f 1 -wi 3 -i 5 -w 1 -r 1},
 * and the paired CPU-time check against load: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.lrjakarta.benchmarks.token.EndedSessionsBenchmark [rounds] [sliceMillis]}. Results:
 * {@code benchmarks/RESULTS.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class EndedSessionsBenchmark {

    private static final EndedSessions NOTHING_ENDED = new EndedSessions() {
        @Override
        public void end(String sessionId, Instant until) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isEnded(String sessionId) {
            return false;
        }
    };

    private LoginRocketTokenVerifier without;
    private LoginRocketTokenVerifier with;
    /** Equal but distinct copies of the token, as every request brings its own (see {@link TokenVerificationBenchmark}). */
    private String[] copies;

    @Setup
    public void setUp() {
        TokenFixture fixture = new TokenFixture();
        InMemoryEndedSessions store = InMemoryEndedSessions.builder().maxEntries(200_000).build();
        Instant until = Instant.now().plus(Duration.ofDays(1));
        for (int i = 0; i < 100_000; i++) {
            store.end(String.format("kss_%022d", i), until);
        }
        without = LoginRocketTokenVerifier.builder().staticKey(fixture.pem).endedSessions(NOTHING_ENDED).build();
        with = LoginRocketTokenVerifier.builder().staticKey(fixture.pem).endedSessions(store).build();
        copies = new String[1024];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new String(fixture.token.toCharArray());
        }
        if (!without.verify(fixture.token).isValid() || !with.verify(fixture.token).isValid()) {
            throw new IllegalStateException("fixture token does not verify");
        }
    }

    /** Per-thread rotating index into {@link #copies}. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @Benchmark
    public TokenVerification warmWithoutStore(Cursor c) {
        return without.verify(copies[c.i++ & 1023]);
    }

    @Benchmark
    public TokenVerification warmWithStore(Cursor c) {
        return with.verify(copies[c.i++ & 1023]);
    }

    // ---- paired CPU-time run --------------------------------------------------------------------

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static volatile Object sink;

    /** Times both contenders back to back per round, in alternating order, on thread CPU time. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
        EndedSessionsBenchmark b = new EndedSessionsBenchmark();
        b.setUp();
        Cursor c = new Cursor();
        for (int w = 0; w < 10; w++) {
            time(() -> b.warmWithoutStore(c), sliceNanos);
            time(() -> b.warmWithStore(c), sliceNanos);
        }
        List<Double> withoutNs = new ArrayList<>();
        List<Double> withNs = new ArrayList<>();
        List<Double> deltaNs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double a;
            double s;
            if ((r & 1) == 0) {
                a = time(() -> b.warmWithoutStore(c), sliceNanos);
                s = time(() -> b.warmWithStore(c), sliceNanos);
            } else {
                s = time(() -> b.warmWithStore(c), sliceNanos);
                a = time(() -> b.warmWithoutStore(c), sliceNanos);
            }
            withoutNs.add(a);
            withNs.add(s);
            deltaNs.add(s - a);
        }
        System.out.printf("warmWithoutStore median %.1f ns/op%n", median(withoutNs));
        System.out.printf("warmWithStore    median %.1f ns/op%n", median(withNs));
        System.out.printf("delta per round  median %+.1f ns/op (p25 %+.1f, p75 %+.1f), %d rounds of %d ms%n",
                median(deltaNs), pct(deltaNs, 25), pct(deltaNs, 75), rounds, sliceNanos / 1_000_000);
    }

    private interface Op {
        Object run();
    }

    private static double time(Op op, long sliceNanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        long end = start + sliceNanos;
        long n = 0;
        long now;
        Object last = null;
        do {
            for (int i = 0; i < 64; i++) {
                last = op.run();
            }
            n += 64;
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < end);
        sink = last;
        return (double) (now - start) / n;
    }

    private static double median(List<Double> v) {
        return pct(v, 50);
    }

    private static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, s.size() * p / 100));
    }
}
