package io.github.lrjakarta.benchmarks.token;

import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.micrometer.LoginRocketMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the event hook costs on the warm path (a cached token verification, what every
 * authenticated request does): no listener, one no-op listener, and the Micrometer binder, in the
 * same run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ListenerOverhead -f 1 -wi 3 -i 5 -w 1 -r 1}.
 * Results and ratios: {@code benchmarks/RESULTS.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ListenerOverheadBenchmark {

    private LoginRocketTokenVerifier withoutListener;
    private LoginRocketTokenVerifier withNoOpListener;
    private LoginRocketTokenVerifier withMicrometer;
    /** Distinct copies, so that the cache compares contents as it does for real requests. */
    private String[] copies;
    private int next;

    @Setup
    public void setUp() throws Exception {
        TokenFixture fixture = new TokenFixture();
        withoutListener = LoginRocketTokenVerifier.builder().staticKey(fixture.pem).build();
        withNoOpListener = LoginRocketTokenVerifier.builder().staticKey(fixture.pem)
                .listener(new LoginRocketListener() {}).build();
        withMicrometer = LoginRocketTokenVerifier.builder().staticKey(fixture.pem)
                .listener(new LoginRocketMetrics(new SimpleMeterRegistry())).build();
        copies = new String[1024];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new String(fixture.token.toCharArray());
        }
        for (LoginRocketTokenVerifier v : new LoginRocketTokenVerifier[] {withoutListener, withNoOpListener, withMicrometer}) {
            if (!v.verify(fixture.token).isValid()) {
                throw new IllegalStateException("fixture token does not verify");
            }
        }
    }

    private String token() {
        next = (next + 1) & 1023;
        return copies[next];
    }

    @Benchmark
    public TokenVerification warmNoListener() {
        return withoutListener.verify(token());
    }

    @Benchmark
    public TokenVerification warmNoOpListener() {
        return withNoOpListener.verify(token());
    }

    @Benchmark
    public TokenVerification warmMicrometer() {
        return withMicrometer.verify(token());
    }
}
