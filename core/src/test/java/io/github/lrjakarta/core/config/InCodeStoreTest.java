package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.SharedBackOff;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store set up in code ({@link LoginRocketFactory#useStoreProvider}) serves every factory, and clashes with the key. */
class InCodeStoreTest {

    private static final String URL = "https://sample.e2.loginrocket.com";

    private final AtomicInteger created = new AtomicInteger();
    private final SharedBackOff backOff = new SharedBackOff() {
        @Override
        public Instant until() {
            return null;
        }

        @Override
        public void backOff(Instant until) {}

        @Override
        public void resume() {}
    };
    private final EndedSessionsProvider inCode = new EndedSessionsProvider() {
        @Override
        public String name() {
            return "produced";
        }

        @Override
        public EndedSessions create(LoginRocketConfig config) {
            created.incrementAndGet();
            return EndedSessions.inMemory();
        }

        @Override
        public SharedBackOff createSharedBackOff(LoginRocketConfig config) {
            return backOff;
        }
    };

    private static LoginRocketConfig config(Map<String, String> values) {
        return LoginRocketConfig.builder().source(ConfigSources.environment(values)).build();
    }

    @AfterEach
    void uninstall() {
        LoginRocketFactory.useStoreProvider(null);
    }

    @Test
    void everyFactoryOfTheRealmGetsTheStoreSetUpInCode() {
        LoginRocketFactory.useStoreProvider(inCode);
        LoginRocketFactory filters = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL)));
        LoginRocketFactory cdis = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL)));
        EndedSessions produced = filters.endedSessions();
        assertThat(produced).isSameAs(cdis.endedSessions());
        assertThat(filters.sharedBackOff()).isSameAs(backOff);
        assertThat(created).hasValue(1);

        LoginRocketFactory.useStoreProvider(null);
        assertThat(filters.endedSessions()).as("back to the keys").isNotSameAs(produced);
        assertThat(filters.sharedBackOff()).isSameAs(SharedBackOff.none());
    }

    @Test
    void aNewInstallationGetsNewStores() {
        LoginRocketFactory factory = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL)));
        LoginRocketFactory.useStoreProvider(inCode);
        EndedSessions first = factory.endedSessions();
        LoginRocketFactory.useStoreProvider(inCode); // the application was redeployed
        assertThat(factory.endedSessions()).isNotSameAs(first);
    }

    @Test
    void anInstallationStoppingLeavesOneInstalledAfterItInPlace() {
        LoginRocketFactory factory = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", URL)));
        EndedSessionsProvider redeployed = new EndedSessionsProvider() {
            @Override
            public String name() {
                return "produced"; // the same producer, in the new deployment
            }

            @Override
            public EndedSessions create(LoginRocketConfig config) {
                return EndedSessions.inMemory();
            }
        };
        LoginRocketFactory.useStoreProvider(inCode);
        LoginRocketFactory.useStoreProvider(redeployed); // the new deployment started before the old one stopped
        EndedSessions theNewOnes = factory.endedSessions();

        assertThat(LoginRocketFactory.stopUsingStoreProvider(inCode)).as("the old deployment stops").isFalse();
        assertThat(factory.endedSessions()).isSameAs(theNewOnes);

        assertThat(LoginRocketFactory.stopUsingStoreProvider(redeployed)).isTrue();
        assertThat(factory.endedSessions()).as("back to the keys").isNotSameAs(theNewOnes);
        assertThat(LoginRocketFactory.stopUsingStoreProvider(redeployed)).as("once").isFalse();
    }

    @Test
    void theKeyAndAStoreInCodeTogetherAreAnErrorNamingTheKey() {
        LoginRocketFactory.useStoreProvider(inCode);
        LoginRocketFactory factory = LoginRocketFactory.of(config(Map.of(
                "LOGINROCKET_URL", URL, "LOGINROCKET_ENDED_SESSIONS_STORE", "jcache")));
        assertThatThrownBy(factory::endedSessions).isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.ended-sessions.store='jcache'")
                .hasMessageContaining("remove the key, or the code (a @LoginRocketStore producer)");
        assertThatThrownBy(factory::sharedBackOff).isInstanceOf(LoginRocketConfigException.class);
        assertThat(created).hasValue(0);
    }
}
