package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The constructor CDI proxies need makes a client that says what is wrong when used, not a NullPointerException. */
class UnconfiguredClientTest {

    @Test
    void aClientMadeByTheProxyOnlyConstructorFailsWithAMessage() {
        LoginRocketClient bare = new LoginRocketClient() {};
        assertThatThrownBy(() -> bare.login("dana@example.org", "secret-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("constructor meant for CDI proxies")
                .hasMessageContaining("LoginRocketClient.builder()");
        assertThatThrownBy(() -> bare.getSession("kss_0000000000000000000000"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(bare::url).isInstanceOf(IllegalStateException.class);
        assertThat(bare.toString()).isEqualTo("LoginRocketClient[unconfigured, for CDI proxies only]");
        bare.close();
        bare.close();
    }
}
