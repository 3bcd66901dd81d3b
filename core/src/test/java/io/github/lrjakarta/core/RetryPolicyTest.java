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
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    }

    @Test
    void builderSetsEveryField() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5).retryNonIdempotent(true).initialBackoff(Duration.ZERO)
                .maxWait(Duration.ofSeconds(1)).build();
        assertThat(p.maxAttempts()).isEqualTo(5);
        assertThat(p.retryNonIdempotent()).isTrue();
        assertThat(p.initialBackoff()).isZero();
        assertThat(p.maxWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.toString()).contains("maxAttempts=5", "retryNonIdempotent=true", "initialBackoff=PT0S",
                "maxWait=PT1S");
    }

    @Test
    void equalityComparesEveryField() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5).build();
        assertThat(p).isEqualTo(RetryPolicy.builder().maxAttempts(5).build()).hasSameHashCodeAs(
                RetryPolicy.builder().maxAttempts(5).build());
        assertThat(p).isNotEqualTo(RetryPolicy.builder().maxAttempts(4).build())
                .isNotEqualTo(RetryPolicy.builder().maxAttempts(5).retryNonIdempotent(true).build())
                .isNotEqualTo(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(201)).build())
                .isNotEqualTo(RetryPolicy.builder().maxAttempts(5).maxWait(Duration.ofSeconds(6)).build());
        assertThat(RetryPolicy.defaults()).isEqualTo(RetryPolicy.builder().build()).isNotEqualTo(RetryPolicy.none());
    }
}
