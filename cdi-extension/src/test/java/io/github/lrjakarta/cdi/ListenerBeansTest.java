package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.VerificationEvent;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/** A {@link LoginRocketListener} bean of the application hears the calls and verifications of the beans the extension makes. */
class ListenerBeansTest {

    @ApplicationScoped
    public static class Recorder implements LoginRocketListener {
        private final List<String> heard = new CopyOnWriteArrayList<>();

        /** Through a method: the bean is reached through its client proxy, whose fields are its own. */
        public List<String> heard() {
            return heard;
        }

        @Override
        public void callCompleted(CallEvent event) {
            heard.add(event.call() + " " + event.outcome());
        }

        @Override
        public void tokenVerified(VerificationEvent event) {
            heard.add("verified " + event.valid());
        }
    }

    @Test
    void listenerBeansAreRegisteredOnTheInjectedClientAndVerifier() {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start();
                SeContainer container = new Weld().disableDiscovery()
                        .addExtension(new LoginRocketExtension(TestConfig.of(Map.of(
                                "loginrocket.url", emulator.url(),
                                "loginrocket.allow-insecure-loopback", "true"))))
                        .addBeanClasses(Recorder.class)
                        .initialize()) {
            String token = container.select(LoginRocketClient.class).get()
                    .login("dana@example.org", "correct-horse-battery").token().orElseThrow();
            container.select(LoginRocketTokenVerifier.class).get().verify(token);
            assertThat(container.select(Recorder.class).get().heard())
                    .containsExactly("POST /v2/login SUCCESS", "verified true");
        }
    }
}
