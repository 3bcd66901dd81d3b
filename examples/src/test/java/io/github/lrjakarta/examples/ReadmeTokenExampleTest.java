package io.github.lrjakarta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's second testkit snippet, verbatim, so that it keeps compiling and passing. */
class ReadmeTokenExampleTest {

    @RegisterExtension
    static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    @Test
    void danaIsAnAdmin() {
        String token = lr.emulator().issueToken("dana@example.org");
        LoginRocketTokenVerifier verifier = LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(lr.emulator().url(), true))
                .allowInsecureLoopback(true)
                .build();
        LoginRocketSession session = verifier.verify(token).sessionOrThrow();
        assertThat(session.hasPermission("admin")).isTrue();
    }
}
