package io.github.lrjakarta.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvertersTest {

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT0.5S, 500ms", "PT5S, 5s", "PT1M30S, 90s", "PT10M, 10m", "PT1H, 1h", "PT36H, 36h", "PT24H, 1d"})
    void aDefaultIsWrittenInItsShortestForm(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(Converters.format(d)).isEqualTo(text);
        assertThat(Converters.duration(text, false)).isEqualTo(d);
    }
}
