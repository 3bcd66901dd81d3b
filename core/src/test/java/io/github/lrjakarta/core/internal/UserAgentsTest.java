package io.github.lrjakarta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void versionComesFromTheFilteredResource() {
        // surefire runs against target/classes, where Maven filtered library.properties
        assertThat(UserAgents.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?").isNotEqualTo("unknown");
    }

    @Test
    void libraryAgentNamesLibraryVersionAndAppPart() {
        assertThat(UserAgents.libraryAgent(null)).isEqualTo("loginrocket-jakarta/" + UserAgents.version());
        assertThat(UserAgents.libraryAgent("billing-app/2.3"))
                .isEqualTo("loginrocket-jakarta/" + UserAgents.version() + " billing-app/2.3");
    }

    @Test
    void appPartMustBePrintableAscii() {
        assertThat(UserAgents.checkAppPart("  shop/1.0 (+https://shop.example)  ")).isEqualTo("shop/1.0 (+https://shop.example)");
        assertThat(UserAgents.checkAppPart(null)).isNull();
        assertThatThrownBy(() -> UserAgents.checkAppPart("evil\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginrocket.user-agent")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> UserAgents.checkAppPart("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAgents.checkAppPart("app/ünï")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAgents.checkAppPart("a".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endUserAgentIsSanitizedNeverRejected() {
        assertThat(UserAgents.sanitizeEndUserAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"))
                .isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(UserAgents.sanitizeEndUserAgent("Mozilla\r\nX-Evil: 1")).isEqualTo("MozillaX-Evil: 1");
        assertThat(UserAgents.sanitizeEndUserAgent("Brows\u00e9r/1")).isEqualTo("Brows?r/1");
        assertThat(UserAgents.sanitizeEndUserAgent("\t \u0000 ")).isNull();
        assertThat(UserAgents.sanitizeEndUserAgent(null)).isNull();
        assertThat(UserAgents.sanitizeEndUserAgent("x".repeat(5000))).hasSize(UserAgents.MAX_END_USER_AGENT_LENGTH);
    }
}
