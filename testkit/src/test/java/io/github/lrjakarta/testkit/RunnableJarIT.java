package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/loginrocket-testkit.jar}: the shaded jar alone, no Maven classpath. */
class RunnableJarIT {

    @Test
    void runnableJarServesTheSampleRealm() throws Exception {
        Path jar = Path.of(System.getProperty("runnable.jar", "target/loginrocket-testkit.jar"));
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            List<String> summary = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                summary.add(out.readLine());
            }
            assertThat(String.join("\n", summary)).contains("dana@example.org / correct-horse-battery");
            Http.Response jwks = new Http(url).get("/connect/jwks");
            assertThat(jwks.status()).isEqualTo(200);
            assertThat(jwks.json().getJsonArray("keys")).hasSize(1);
            Http.Response login = new Http(url).post("/v2/login", FidelityExamplesTest.DANA);
            assertThat(login.json().getString("result")).isEqualTo("full_login");
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.size(jar)).isGreaterThan(1_000_000L);
    }
}
