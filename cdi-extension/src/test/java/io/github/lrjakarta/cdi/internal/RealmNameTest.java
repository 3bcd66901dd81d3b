package io.github.lrjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.cdi.LoginRocketRealm;
import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import jakarta.enterprise.inject.Default;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmNameTest {

    @Test
    void theEmptyAnnotationValueIsTheDefaultRealm() {
        RealmName realm = RealmName.of("");
        assertThat(realm).isSameAs(RealmName.DEFAULT);
        assertThat(realm.isDefault()).isTrue();
        assertThat(realm.name()).isEmpty();
        assertThat(realm.qualifier()).isEqualTo(Default.Literal.INSTANCE);
        assertThat(realm).hasToString("default");
    }

    @Test
    void aNamedRealmSelectsItsKeysAndQualifier() {
        RealmName partners = RealmName.of("partners");
        assertThat(partners.isDefault()).isFalse();
        assertThat(partners.name()).contains("partners");
        assertThat(partners.qualifier()).isEqualTo(new LoginRocketRealm.Literal("partners"));
        assertThat(partners).isEqualTo(RealmName.of("partners")).isNotEqualTo(RealmName.DEFAULT).hasToString("partners");

        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.of("test", 900, Map.of(
                        "loginrocket.url", "https://a.example.com", "loginrocket.partners.url", "https://b.example.com")))
                .build();
        assertThat(partners.select(config).url().root().getHost()).isEqualTo("b.example.com");
        assertThat(RealmName.DEFAULT.select(config).url().root().getHost()).isEqualTo("a.example.com");
    }

    @Test
    void unusableNamesAreRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> RealmName.of("Partners_EU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Realm name 'Partners_EU' is not usable")
                .hasMessageContaining("lower-case letters, digits and inner hyphens");
        assertThatThrownBy(() -> RealmName.of("cors")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultRealmSortsFirst() {
        assertThat(RealmName.DEFAULT.compareTo(RealmName.of("a"))).isNegative();
        assertThat(RealmName.of("b").compareTo(RealmName.of("a"))).isPositive();
        assertThat(RealmName.of("a").compareTo(RealmName.of("a"))).isZero();
    }
}
