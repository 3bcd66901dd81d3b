package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDI path that verifies a bearer token itself ({@link CurrentSession} without the filter) runs
 * the session re-check of {@code loginrocket.session-recheck-interval} too.
 */
@EnableWeld
@SuppressWarnings("try") // a SimulatedRequest is a scope: its body runs "inside the request"
class SessionRecheckBeansTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = LoginRocketEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new LoginRocketExtension(TestConfig.of(recheckConfig()))))
            .build();

    @Inject
    BeanManager beanManager;

    @Inject
    Instance<CurrentSession> currentSession;

    @Inject
    RequestContextController requestContext;

    private static Map<String, String> recheckConfig() {
        Map<String, String> values = new HashMap<>();
        values.put("loginrocket.url", emulator.url());
        values.put("loginrocket.allow-insecure-loopback", "true");
        values.put("loginrocket.session-recheck-interval", "5m");
        return values;
    }

    /** One request of its own (its own request context), bearing {@code token}. */
    private Optional<LoginRocketSession> sessionFor(String token) {
        requestContext.activate();
        try (SimulatedRequest request = SimulatedRequest.start(beanManager, SimulatedRequest.page().bearer(token))) {
            return currentSession.get().get();
        } finally {
            requestContext.deactivate();
        }
    }

    @Test
    void aLiveSessionIsConfirmedOncePerInterval() {
        IssuedLogin dana = emulator.issueLogin("dana@example.org", null);
        emulator.clearRequests();
        assertThat(sessionFor(dana.token())).isPresent();
        assertThat(sessionFor(dana.token())).isPresent();
        assertThat(emulator.requestCount("/v2/session")).isEqualTo(1);
    }

    @Test
    void aBearerTokenOfASessionEndedAtLoginRocketIsRefusedAtItsCheck() throws Exception {
        IssuedLogin dana = emulator.issueLogin("dana@example.org", null);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/logout?session="
                + URLEncoder.encode(dana.sessionId(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(emulator.session(dana.sessionId())).hasValueSatisfying(s -> assertThat(s.active()).isFalse());

        assertThat(sessionFor(dana.token())).isEmpty();
        assertThat(sessionFor(dana.token())).as("known ended now").isEmpty();
    }
}
