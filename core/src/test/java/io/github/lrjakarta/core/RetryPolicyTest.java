package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaults() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.retryNonIdempotent()).isFalse();
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.maxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5).retryNonIdempotent(true).initialBackoff(Duration.ZERO)
                .maxWait(Duration.ofSeconds(1)).build();
        assertThat(p).isEqualTo(RetryPolicy.builder().maxAttempts(5).retryNonIdempotent(true)
                .initialBackoff(Duration.ZERO).maxWait(Duration.ofSeconds(1)).build());
        assertThat(p.toString()).contains("maxAttempts=5", "retryNonIdempotent=true");
    }
}
