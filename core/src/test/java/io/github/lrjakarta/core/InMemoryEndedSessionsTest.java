package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one-node store: retention, extension, purging and its bound. */
class InMemoryEndedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TestClock clock = new TestClock(NOW);
    private final InMemoryEndedSessions store = InMemoryEndedSessions.builder().clock(clock).maxEntries(100).build();

    @Test
    void anEndedSessionIsEndedUntilItsRetentionRunsOut() {
        assertThat(store.isEnded("kss_a")).isFalse();
        store.end("kss_a", NOW.plus(Duration.ofHours(1)));
        assertThat(store.isEnded("kss_a")).isTrue();
        assertThat(store.isEnded("kss_b")).isFalse();
        clock.advance(Duration.ofMinutes(59));
        assertThat(store.isEnded("kss_a")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.isEnded("kss_a")).as("its tokens have expired by now").isFalse();
        assertThat(store.size()).as("dropped when read").isZero();
    }

    @Test
    void recordingAgainKeepsTheLaterRetention() {
        store.end("kss_a", NOW.plus(Duration.ofHours(2)));
        store.end("kss_a", NOW.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(90));
        assertThat(store.isEnded("kss_a")).isTrue();
    }

    @Test
    void recordTellsWhetherTheEntryGrew() {
        assertThat(store.record("kss_a", NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(store.record("kss_a", NOW.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(store.record("kss_a", NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(store.record("kss_a", NOW.plus(Duration.ofHours(2)))).isTrue();
    }

    @Test
    void anEntryAlreadyPastIsNotKept() {
        store.end("kss_a", NOW);
        assertThat(store.isEnded("kss_a")).isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenThoseClosestToExpiry() {
        for (int i = 0; i < 50; i++) {
            store.end("kss_short" + i, NOW.plus(Duration.ofMinutes(1)));
        }
        for (int i = 0; i < 50; i++) {
            store.end("kss_long" + i, NOW.plus(Duration.ofHours(1 + i)));
        }
        clock.advance(Duration.ofMinutes(2));
        store.end("kss_new", NOW.plus(Duration.ofHours(5)));
        assertThat(store.size()).as("the 50 expired ones purged, nothing live lost").isEqualTo(51);
        assertThat(store.isEnded("kss_long0")).isTrue();

        for (int i = 0; i < 50; i++) {
            store.end("kss_more" + i, NOW.plus(Duration.ofDays(1)));
        }
        assertThat(store.size()).isLessThanOrEqualTo(100);
        assertThat(store.isEnded("kss_long0")).as("closest to expiry, forgotten first").isFalse();
        assertThat(store.isEnded("kss_long49")).isTrue();
        assertThat(store.isEnded("kss_more49")).isTrue();
    }

    @Test
    void forgetUndoesAnEnd() {
        store.end("kss_a", NOW.plus(Duration.ofHours(1)));
        store.forget("kss_a");
        assertThat(store.isEnded("kss_a")).isFalse();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> InMemoryEndedSessions.builder().maxEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> store.end(null, NOW)).isInstanceOf(NullPointerException.class);
    }
}
