package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.servlet.EnableLoginRocket;
import org.junit.jupiter.api.Test;

/** The servlet module's own sources. */
class ConfigSourcesTest {

    @EnableLoginRocket(
            url = "https://x.example.com",
            loginRequired = {"/a/*", "/b/*"},
            corsAllowCredentials = "true",
            properties = {"loginrocket.refresh-before=2m", "loginrocket.url=https://ignored.example.com"})
    static final class App {}

    @EnableLoginRocket(properties = "refresh-before=2m")
    static final class Bad {}

    @Test
    void annotationAttributesMapToKeysAndWinOverProperties() {
        AnnotationSource s = AnnotationSource.of(App.class.getAnnotation(EnableLoginRocket.class), App.class);

        assertThat(s.ordinal()).isEqualTo(ConfigSource.ANNOTATION);
        assertThat(s.value("loginrocket.url")).isEqualTo("https://x.example.com");
        assertThat(s.value("loginrocket.login-required")).isEqualTo("/a/*, /b/*");
        assertThat(s.value("loginrocket.cors.allow-credentials")).isEqualTo("true");
        assertThat(s.value("loginrocket.refresh-before")).isEqualTo("2m");
        assertThat(s.value("loginrocket.locale")).as("empty attributes set nothing").isNull();
        assertThat(s.location("loginrocket.url")).isEqualTo("@EnableLoginRocket on " + App.class.getName() + " (loginrocket.url)");
    }

    @Test
    void propertiesMustUseFullKeys() {
        assertThatThrownBy(() -> AnnotationSource.of(Bad.class.getAnnotation(EnableLoginRocket.class), Bad.class))
                .hasMessageContaining("'refresh-before=2m' is not of the form loginrocket.key=value");
    }

    @Test
    void withoutNamingSupportJndiHasNoValues() {
        JndiSource jndi = new JndiSource();
        assertThat(jndi.value("loginrocket.url")).isNull();
        assertThat(jndi.value("loginrocket.url")).isNull();
        assertThat(jndi.location("loginrocket.url")).isEqualTo("JNDI entry java:comp/env/loginrocket.url");
    }
}
