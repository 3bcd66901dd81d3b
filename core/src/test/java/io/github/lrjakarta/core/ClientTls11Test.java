package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS 1.2 floor against a real TLS-1.1-only server. The JDK disables TLS 1.1 by default
 * ({@code jdk.tls.disabledAlgorithms}), which would refuse the handshake whatever the client asks
 * for; so the probe runs in a forked JVM where TLS 1.1 is allowed, and a plain JDK client that asks
 * for TLS 1.1 shows that the server really speaks it.
 */
class ClientTls11Test {

    @Test
    void aServerThatSpeaksOnlyTls11IsRefused(@TempDir Path dir) throws IOException, InterruptedException {
        Path security = dir.resolve("tls11.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024,"
                + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Djava.security.properties=" + security,
                "-cp", System.getProperty("java.class.path"), Tls11Probe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        List<String> lines = List.of(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .split("\\R"));

        assertThat(lines).as("the server speaks TLS 1.1 to a client that offers it").contains("control: handshake TLSv1.1");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("client: refused javax.net.ssl.SSL")
                .contains("TLS handshake"));
        assertThat(probe.exitValue()).isZero();
    }
}
