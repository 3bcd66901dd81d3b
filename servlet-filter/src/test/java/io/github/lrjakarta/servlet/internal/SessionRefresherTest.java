package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionRefresherTest {

    static LoginRocketEmulator emulator;
    static LoginRocketClient client;
    static LoginRocketTokenVerifier verifier;

    @BeforeAll
    static void start() {
        emulator = LoginRocketEmulator.start();
        client = LoginRocketClient.builder().url(emulator.url()).allowInsecureLoopback(true).build();
        verifier = LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(emulator.url(), true))
                .clock(emulator.clock())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void anErrorDuringARefreshDoesNotLeaveLaterRequestsWaitingForever() {
        SessionRefresher refresher = new SessionRefresher(client, verifier, emulator.clock());
        IssuedLogin login = emulator.issueLogin("dana@example.org", null);
        // An Error (not an exception) thrown inside the LoginRocket call, on the refreshing thread.
        Supplier<CallOptions> broken = () -> {
            throw new AssertionError("simulated failure inside the LoginRocket call");
        };
        try (CallContext.Scope scope = CallContext.bind(broken)) {
            assertThatThrownBy(() -> refresher.refresh(login.token(), login.sessionId()))
                    .isInstanceOf(AssertionError.class);
        }

        Optional<LoginRocketSession> next = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> refresher.refresh(login.token(), login.sessionId()),
                "a later refresh of the same token waits for an outcome that never comes");
        assertThat(next).isPresent();
        assertThat(next.get().user().email()).contains("dana@example.org");
    }
}
