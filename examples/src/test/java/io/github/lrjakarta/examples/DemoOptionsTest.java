package io.github.lrjakarta.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsAreFixedPortsOnLoopback() {
        DemoOptions o = DemoOptions.parse(new String[0], new Properties());
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.emulatorPort()).isEqualTo(8081);
        assertThat(o.partnerPort()).isEqualTo(8082);
        assertThat(o.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void flagsWinOverSystemProperties() {
        Properties p = new Properties();
        p.setProperty("demo.port", "9090");
        p.setProperty("demo.emulator-port", "9091");
        p.setProperty("demo.host", "0.0.0.0");
        DemoOptions o = DemoOptions.parse(new String[] {"--port", "0", "--partner-port", "9092"}, p);
        assertThat(o.port()).isZero();
        assertThat(o.emulatorPort()).isEqualTo(9091);
        assertThat(o.partnerPort()).isEqualTo(9092);
        assertThat(o.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void badInputNamesTheFlagOrProperty() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--port", "eighty"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--emulator-port"}, new Properties()))
                .hasMessageContaining("--emulator-port needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--port", "70000"}, new Properties()))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--verbose"}, new Properties()))
                .hasMessageContaining("unknown argument: --verbose");
        Properties p = new Properties();
        p.setProperty("demo.partner-port", "x");
        assertThatThrownBy(() -> DemoOptions.parse(new String[0], p)).hasMessageContaining("demo.partner-port");
    }
}
