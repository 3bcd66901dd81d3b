package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.RecordedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Whole-container life: validation failures at deployment, and the client closed on shutdown. */
class DeploymentTest {

    @Dependent
    static class UsesDefaultRealm {
        @Inject
        LoginRocketClient client;
    }

    @Dependent
    static class UsesBadRealmName {
        @Inject
        @LoginRocketRealm("Partners_EU")
        LoginRocketClient client;
    }

    @ApplicationScoped
    static class KeepsASession {
        @Inject
        LoginRocketSession session;
    }

    private static Weld weld(Map<String, String> config, Class<?>... beans) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new LoginRocketExtension(TestConfig.of(config)))
                .addBeanClasses(beans);
    }

    @Test
    void malformedUrlFailsTheDeploymentNamingKeyAndSource() {
        Weld weld = weld(Map.of("loginrocket.url", "http://login.example.com"), UsesDefaultRealm.class);
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("loginrocket.url='http://login.example.com' from test 'loginrocket.url'");
    }

    @Test
    void missingUrlFailsTheDeploymentListingWhereToSetIt() {
        Weld weld = weld(Map.of(), UsesDefaultRealm.class);
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.url is missing")
                .hasMessageContaining("environment variable LOGINROCKET_URL");
        weld.shutdown();
    }

    @Test
    void badValueOfANamedRealmFailsTheDeployment() {
        Weld weld = weld(
                Map.of("loginrocket.url", "https://a.example.com",
                        "loginrocket.partners.url", "https://b.example.com",
                        "loginrocket.partners.connect-timeout", "soon"),
                UsesDefaultRealm.class, PartnersUser.class);
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("loginrocket.partners.connect-timeout='soon' from test");
    }

    @Test
    void unusableRealmNameIsADefinitionError() {
        Weld weld = weld(Map.of("loginrocket.url", "https://a.example.com"), UsesBadRealmName.class);
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("Realm name 'Partners_EU' is not usable");
    }

    @Test
    void sessionInjectedIntoALongerLivedBeanIsADefinitionError() {
        Weld weld = weld(Map.of("loginrocket.url", "https://a.example.com"), KeepsASession.class);
        assertThatThrownBy(weld::initialize)
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("@ApplicationScoped bean")
                .hasMessageContaining("Inject CurrentSession");
    }

    @Test
    void onlyRealmsInUseAreValidated() {
        Weld weld = weld(Map.of("loginrocket.partners.url", "https://b.example.com"), PartnersUser.class);
        try (WeldContainer container = weld.initialize()) {
            assertThat(container.select(PartnersUser.class).get().partnersClient.url().root().getHost())
                    .isEqualTo("b.example.com");
        }
    }

    @Test
    void clientIsClosedWhenTheApplicationStops() {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start()) {
            Weld weld = weld(
                    Map.of("loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true"),
                    UsesDefaultRealm.class);
            LoginRocketClient instance;
            try (WeldContainer container = weld.initialize()) {
                container.select(UsesDefaultRealm.class).get().client.forgotPassword("dana@example.org");
                BeanManager beanManager = container.getBeanManager();
                Bean<?> bean = beanManager.resolve(beanManager.getBeans(LoginRocketClient.class));
                // The contextual instance behind the proxy, to call it after the container is gone.
                instance = (LoginRocketClient) beanManager.getContext(ApplicationScoped.class).get(bean);
                emulator.clearRequests();
                instance.forgotPassword("dana@example.org");
                assertThat(emulator.requests()).extracting(RecordedRequest::path).containsExactly("/v2/password/forgot");
            }
            emulator.clearRequests();
            assertThatThrownBy(() -> instance.forgotPassword("dana@example.org"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LoginRocketClient is closed");
            assertThat(emulator.requests()).isEmpty();
        }
    }
}
