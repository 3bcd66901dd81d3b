package io.github.lrjakarta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's first testkit snippet, verbatim, so that it keeps compiling and passing. */
@ExtendWith(LoginRocketEmulatorExtension.class)
class ReadmeLoginExampleTest {

    @Test
    void danaLogsIn(LoginRocketEmulator emulator) {
        try (LoginRocketClient client = LoginRocketClient.builder()
                .url(emulator.url())
                .allowInsecureLoopback(true) // the emulator speaks plain http on 127.0.0.1
                .build()) {
            LoginResult result = client.login("dana@example.org", "correct-horse-battery");
            assertThat(result.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        }
    }
}
