package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void inProcessPrintsTheUrlFirstThenTheUsers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LoginRocketEmulator e = Main.start(new String[] {"--port", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines[0]).isEqualTo(e.url()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines[1]).contains("Sample", "rl_sample0000000000000001");
            assertThat(String.join("\n", lines)).contains("dana@example.org / correct-horse-battery",
                    "sam@example.org / sam-password-123", "Rivera Labs [admin]");
            assertThat(new Http(e.url()).post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);
        }
    }

    @Test
    void fixtureAndTlsOptions(@TempDir Path dir) throws Exception {
        Path fixture = dir.resolve("realm.json");
        Files.writeString(fixture, "{\"realm\":{\"name\":\"Cli\"},\"users\":[{\"email\":\"cli@example.org\","
                + "\"password\":\"cli-password\",\"orgs\":[{\"name\":\"Cli Org\",\"permissions\":[\"x\"]}]}]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LoginRocketEmulator e = Main.start(new String[] {"--fixture", fixture.toString(), "--tls"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out.lines().findFirst().orElseThrow()).startsWith("https://127.0.0.1:");
            assertThat(out).contains("cli@example.org / cli-password");
            Http http = new Http(e.url(), e.clientSslContext());
            assertThat(http.post("/v2/login", "{\"email\":\"cli@example.org\",\"password\":\"cli-password\"}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void badArgumentsAreReported() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Main.start(new String[] {"--port"}, sink)).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Main.start(new String[] {"--port", "x"}, sink)).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> Main.start(new String[] {"--fixture", "/nonexistent.json"}, sink))
                .hasMessageContaining("fixture file not found");
        assertThatThrownBy(() -> Main.start(new String[] {"--bogus"}, sink)).hasMessageContaining("unknown argument: --bogus");
    }

    /** As a separate JVM (the way the runnable jar is used): the first stdout line is the URL. */
    @Test
    void asAProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0").redirectErrorStream(false).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            Http.Response jwks = new Http(url).get("/connect/jwks");
            assertThat(jwks.status()).isEqualTo(200);
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
