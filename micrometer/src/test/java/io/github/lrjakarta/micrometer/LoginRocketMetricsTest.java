package io.github.lrjakarta.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.RetryPolicy;
import io.github.lrjakarta.core.event.RateLimitEvent;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The binder against the emulator, faults included, read back from a {@link SimpleMeterRegistry}. */
class LoginRocketMetricsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginRocketMetrics metrics = new LoginRocketMetrics(registry);

    private LoginRocketClient client() {
        return LoginRocketClient.builder().url(LR.emulator().url()).allowInsecureLoopback(true)
                .retryPolicy(RetryPolicy.none()).listener(metrics).build();
    }

    @Test
    void callsAreTimedByCallAndOutcome() {
        LR.emulator().faults().inject("/v2/login", Fault.status(503).once());
        LR.emulator().faults().inject("/v2/password/forgot", Fault.rateLimited(Duration.ofSeconds(10)).once());
        try (LoginRocketClient c = client()) {
            catchThrowable(() -> c.login("dana@example.org", "correct-horse-battery"));
            c.login("dana@example.org", "correct-horse-battery");
            c.login("dana@example.org", "correct-horse-battery");
            catchThrowable(() -> c.forgotPassword("dana@example.org"));
        }
        assertThat(registry.get("loginrocket.calls").tags("call", "POST /v2/login", "outcome", "success").timer().count())
                .isEqualTo(2);
        assertThat(registry.get("loginrocket.calls").tags("call", "POST /v2/login", "outcome", "server_error").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("loginrocket.calls").tags("call", "POST /v2/password/forgot", "outcome", "rate_limited")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void verificationsAreCountedByOutcomeAndCacheAndTheCacheSizeIsAGauge() {
        LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(LR.emulator().url(), true)).allowInsecureLoopback(true)
                .listener(metrics).build();
        String token = LR.emulator().issueToken("dana@example.org");
        verifier.verify(token);
        verifier.verify(token);
        verifier.verify(token);
        verifier.verify("garbage");
        assertThat(registry.get("loginrocket.token.verifications").tags("outcome", "valid", "cache", "miss").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("loginrocket.token.verifications").tags("outcome", "valid", "cache", "hit").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get("loginrocket.token.verifications").tags("outcome", "malformed", "cache", "miss")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("loginrocket.token.cache.size").gauge().value()).isEqualTo(1);
        assertThat(registry.get("loginrocket.keyset.fetches").tags("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void aFailedKeySetFetchIsCounted() {
        LR.emulator().faults().inject("/connect/jwks", Fault.status(500));
        LoginRocketTokenVerifier.builder().jwks(LoginRocketUrl.parse(LR.emulator().url(), true))
                .allowInsecureLoopback(true).listener(metrics).build()
                .verify(LR.emulator().issueToken("dana@example.org"));
        assertThat(registry.get("loginrocket.keyset.fetches").tags("outcome", "failure").timer().count()).isEqualTo(1);
        assertThat(registry.get("loginrocket.token.verifications").tags("outcome", "keys_unavailable", "cache", "miss")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void rateLimitEpisodesAreCountedAndTheActiveGaugeFollowsThem() {
        metrics.rateLimitChanged(new RateLimitEvent(true, Duration.ofSeconds(5), "rq_1"));
        assertThat(registry.get("loginrocket.ratelimit.active").gauge().value()).isEqualTo(1);
        metrics.rateLimitChanged(new RateLimitEvent(false, Duration.ZERO, null));
        assertThat(registry.get("loginrocket.ratelimit.active").gauge().value()).isZero();
        assertThat(registry.get("loginrocket.ratelimit.episodes").counter().count()).isEqualTo(1);
    }
}
