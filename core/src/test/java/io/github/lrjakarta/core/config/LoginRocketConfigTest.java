package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.LoginRocketUrl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginRocketConfigTest {

    private static LoginRocketConfig config(Map<String, String> initParams) {
        return LoginRocketConfig.builder()
                .source(ConfigSources.of("init-params of filter F", ConfigSource.FILTER_INIT_PARAMS, initParams))
                .build();
    }

    private static LoginRocketConfig config(String key, String value) {
        return config(Map.of(key, value));
    }

    @Test
    void theLeewayBoundIsPartOfTheKeyNotOfOneReader() {
        assertThat(config("loginrocket.jwt.leeway", "5m").getDuration(LoginRocketKeys.JWT_LEEWAY))
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> config("loginrocket.jwt.leeway", "301s").getDuration(LoginRocketKeys.JWT_LEEWAY))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.jwt.leeway='301s'")
                .hasMessageContaining("too large; expected at most 5m");
    }

    @Test
    void aReadinessIntervalUnderOneSecondIsRefusedWhenTheConfigIsCheckedNotWhenTheFirstProbeArrives() {
        assertThat(config("loginrocket.health.interval", "1s").getDuration(LoginRocketKeys.HEALTH_INTERVAL))
                .isEqualTo(Duration.ofSeconds(1));
        LoginRocketConfig tooShort = config(Map.of("loginrocket.url", "https://acme.e2.loginrocket.com/",
                "loginrocket.health.interval", "500ms"));
        assertThatThrownBy(tooShort::validate)
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.health.interval='500ms'")
                .hasMessageContaining("too small; expected at least 1s");
    }

    @Test
    void sourcesAreConsultedHighestOrdinalFirstWhateverTheOrderTheyWereAddedIn() {
        Properties sys = new Properties();
        sys.setProperty("loginrocket.user-agent", "from-sys");
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.of("annotation", ConfigSource.ANNOTATION, Map.of(
                        "loginrocket.user-agent", "from-annotation",
                        "loginrocket.locale", "ja",
                        "loginrocket.cookie.name", "ann")))
                .source(ConfigSources.of("context-params", ConfigSource.CONTEXT_PARAMS, Map.of(
                        "loginrocket.locale", "es", "loginrocket.cookie.name", "ctx")))
                .source(ConfigSources.environment(Map.of("LOGINROCKET_USER_AGENT", "from-env", "LOGINROCKET_LOCALE", "en")))
                .source(ConfigSources.systemProperties(sys))
                .build();

        assertThat(config.sources()).extracting(ConfigSource::ordinal)
                .containsExactly(ConfigSource.SYSTEM_PROPERTIES, ConfigSource.ENVIRONMENT,
                        ConfigSource.CONTEXT_PARAMS, ConfigSource.ANNOTATION);
        assertThat(config.lookup("user-agent")).get().satisfies(v -> {
            assertThat(v.value()).isEqualTo("from-sys");
            assertThat(v.sourceName()).isEqualTo("system properties");
        });
        assertThat(config.locale()).contains(Locale.ENGLISH);
        assertThat(config.lookup("cookie.name")).get().extracting(ConfigValue::value, ConfigValue::sourceName)
                .containsExactly("ctx", "context-params");
        assertThat(config.lookup("loginrocket.cors.max-age")).get()
                .satisfies(v -> assertThat(v.isDefault()).isTrue())
                .extracting(ConfigValue::value).isEqualTo("10m");
    }

    @Test
    void microProfileConfigPlugsInBetweenEnvironmentAndJndi() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.of("JNDI java:comp/env", ConfigSource.JNDI, Map.of("loginrocket.locale", "ja")))
                .source(ConfigSources.of("MicroProfile Config", ConfigSource.MICROPROFILE_CONFIG, key -> key.equals("loginrocket.locale") ? "es" : null))
                .source(ConfigSources.environment(Map.of()))
                .build();

        assertThat(config.locale()).contains(new Locale("es"));
    }

    @Test
    void theEnvironmentWinsOverMicroProfileConfigWhicheverIsAddedFirst() {
        ConfigSource mp = ConfigSources.of("MicroProfile Config", ConfigSource.MICROPROFILE_CONFIG,
                key -> key.equals("loginrocket.locale") ? "es" : null);
        ConfigSource env = ConfigSources.environment(Map.of("LOGINROCKET_LOCALE", "ja"));
        LoginRocketConfig mpFirst = LoginRocketConfig.builder().source(mp).source(env).build();
        LoginRocketConfig envFirst = LoginRocketConfig.builder().source(env).source(mp).build();

        assertThat(mpFirst.locale()).contains(new Locale("ja"));
        assertThat(envFirst.locale()).contains(new Locale("ja"));
        assertThat(mpFirst.lookup("locale").orElseThrow().location()).isEqualTo("environment variable LOGINROCKET_LOCALE");
    }

    @Test
    void environmentUsesTheUpperCaseUnderscoreFormAndNamesTheVariable() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of("LOGINROCKET_CORS_MAX_AGE", "soon")))
                .build();

        assertThatThrownBy(() -> config.getDuration("cors.max-age"))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.cors.max-age='soon'")
                .hasMessageContaining("environment variable LOGINROCKET_CORS_MAX_AGE")
                .hasMessageContaining("PT5S")
                .satisfies(e -> assertThat(((LoginRocketConfigException) e).sourceName()).contains("environment"));
    }

    @Test
    void environmentLookupIsInjectedAndTriesExactThenSanitisedThenUpperCase() {
        Map<String, String> env = new HashMap<>();
        env.put("loginrocket_locale", "es");
        assertThat(ConfigSources.environment(env).value("loginrocket.locale")).isEqualTo("es");
        env.put("loginrocket.locale", "ja");
        assertThat(ConfigSources.environment(env).value("loginrocket.locale")).isEqualTo("ja");
        assertThat(ConfigSources.environment(Map.of("LOGINROCKET_PARTNERS_EU_URL", "x")).value("loginrocket.partners-eu.url"))
                .isEqualTo("x");
    }

    @Test
    void blankValuesCountAsNotSetSoLowerSourcesStillApply() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of("LOGINROCKET_LOCALE", "  ")))
                .source(ConfigSources.of("context-params", ConfigSource.CONTEXT_PARAMS, Map.of("loginrocket.locale", "es")))
                .build();

        assertThat(config.locale()).contains(new Locale("es"));
    }

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "5s,PT5S", "10m,PT10M", "1h,PT1H", "2d,PT48H", "PT5S,PT5S", "pt1m,PT1M", " 7s ,PT7S", "0s,PT0S"})
    void durationsAcceptUnitsAndIso8601(String text, String expected) {
        assertThat(config("loginrocket.cors.max-age", text).getDuration("cors.max-age")).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5 minutes", "5S", "-5s", "1.5s", "PT", "P5", "s", "99999999999999s"})
    void badDurationsNameKeySourceValueAndExpectation(String text) {
        assertThatThrownBy(() -> config("loginrocket.cors.max-age", text).getDuration("cors.max-age"))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageStartingWith("loginrocket.cors.max-age='" + text.trim() + "' from init-params of filter F 'loginrocket.cors.max-age': ")
                .hasMessageContaining("expected");
    }

    @Test
    void timeoutsMustBePositiveButLeewayMayBeZero() {
        assertThatThrownBy(() -> config("loginrocket.connect-timeout", "0s").getDuration("connect-timeout"))
                .hasMessageContaining("greater than zero");
        assertThat(config("loginrocket.jwt.leeway", "0s").getDuration("jwt.leeway")).isZero();
    }

    @Test
    void booleansAreStrict() {
        assertThat(config("loginrocket.cors.allow-credentials", "true").getBoolean("cors.allow-credentials")).isTrue();
        assertThat(config("loginrocket.cors.allow-credentials", " true ").getBoolean("cors.allow-credentials")).isTrue();
        assertThat(config("loginrocket.cors.allow-credentials", "false").getBoolean("cors.allow-credentials")).isFalse();
        assertThat(config(Map.of()).getBoolean("cors.allow-credentials")).isFalse();
        for (String bad : List.of("TRUE", "True", "FALSE", "yes", "1", "on", "no", "ture")) {
            assertThatThrownBy(() -> config("loginrocket.cors.allow-credentials", bad).getBoolean("cors.allow-credentials"))
                    .hasMessage("loginrocket.cors.allow-credentials='" + bad + "' from init-params of filter F"
                            + " 'loginrocket.cors.allow-credentials': not a boolean; expected true or false (lower case)");
        }
    }

    @Test
    void integersRespectTheirMinimum() {
        assertThat(config("loginrocket.jwt.cache-size", "0").getInt("jwt.cache-size")).isZero();
        assertThat(config(Map.of()).getInt("max-connections")).isEqualTo(50);
        assertThatThrownBy(() -> config("loginrocket.max-connections", "0").getInt("max-connections"))
                .hasMessageContaining("loginrocket.max-connections='0'").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> config("loginrocket.jwt.cache-size", "lots").getInt("jwt.cache-size"))
                .hasMessageContaining("not a whole number");
    }

    @Test
    void listsAreCommaSeparatedTrimmedWithDefaults() {
        assertThat(config("loginrocket.login-required", " /app/* , ,/api/*,").getList("login-required"))
                .containsExactly("/app/*", "/api/*");
        assertThat(config(Map.of()).getList("login-required")).isEmpty();
        assertThat(config(Map.of()).getList("cors.allowed-methods"))
                .containsExactly("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
        assertThat(config(Map.of()).getList("cors.allowed-headers"))
                .contains("Content-Type", "Accept", "Accept-Language", "Authorization", "LR-Agent");
    }

    @Test
    void urlUsesLoginRocketUrlAndHonoursTheLoopbackSwitch() {
        LoginRocketUrl url = config(Map.of("loginrocket.url", "https://sample.e2.loginrocket.com")).url();
        assertThat(url.apiBase()).hasToString("https://sample.e2.loginrocket.com/v2/");

        assertThatThrownBy(() -> config("loginrocket.url", "http://127.0.0.1:8080").url())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.url='http://127.0.0.1:8080' from init-params of filter F")
                .hasMessageContaining("loginrocket.allow-insecure-loopback=true");
        assertThat(config(Map.of("loginrocket.url", "http://127.0.0.1:8080", "loginrocket.allow-insecure-loopback", "true"))
                .url().isLoopback()).isTrue();
    }

    @Test
    void aMissingRequiredKeySaysWhereItCanBeSet() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of()))
                .source(ConfigSources.of("context-params", ConfigSource.CONTEXT_PARAMS, Map.of()))
                .build();

        assertThatThrownBy(config::url)
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageStartingWith("loginrocket.url is missing")
                .hasMessageContaining("environment variable LOGINROCKET_URL")
                .hasMessageContaining("context-params 'loginrocket.url'")
                .satisfies(e -> assertThat(((LoginRocketConfigException) e).sourceName()).isEmpty());
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of("LOGINROCKET_JWT_KEY", "jsk_TopSecretValue")))
                .build();

        LoginRocketConfigException e = config.invalid("jwt.key", "not a usable key");
        assertThat(e).hasMessage("loginrocket.jwt.key (secret, value not shown) from environment variable"
                + " LOGINROCKET_JWT_KEY: not a usable key");
        assertThat(config.lookup("jwt.key").orElseThrow().toString()).doesNotContain("TopSecret");
        assertThatThrownBy(() -> config.optional("jwt.key", s -> { throw new IllegalArgumentException("bad"); }))
                .message().doesNotContain("TopSecret");
        assertThat(config.realm("partners").invalid("jwt.key", "x").getMessage()).isEqualTo("loginrocket.partners.jwt.key (not set): x");
    }

    @Test
    void namedRealmsInsertTheirNameAndDoNotInheritTheDefaultRealm() {
        LoginRocketConfig config = LoginRocketConfig.builder()
                .source(ConfigSources.environment(Map.of(
                        "LOGINROCKET_URL", "https://main.e2.loginrocket.com",
                        "LOGINROCKET_PARTNERS_URL", "https://partners.example.com",
                        "LOGINROCKET_LOCALE", "ja")))
                .build();
        LoginRocketConfig partners = config.realm("partners");

        assertThat(partners.realmName()).contains("partners");
        assertThat(partners.key("cors.max-age")).isEqualTo("loginrocket.partners.cors.max-age");
        assertThat(partners.key("loginrocket.url")).isEqualTo("loginrocket.partners.url");
        assertThat(partners.url()).hasToString("https://partners.example.com/");
        assertThat(partners.locale()).isEmpty();
        assertThat(partners.getDuration("cors.max-age")).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.url()).hasToString("https://main.e2.loginrocket.com/");
        assertThatThrownBy(() -> config.realm("other").url()).hasMessageContaining("LOGINROCKET_OTHER_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Partners", "cors", "jwt", "a.b", "-x", "x-", "", "1x"})
    void unusableRealmNamesAreRefused(String name) {
        assertThatThrownBy(() -> config(Map.of()).realm(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginrocket.<name>.<key>");
    }

    @Test
    void validateReportsEveryProblemAtOnce() {
        LoginRocketConfig config = config(Map.of(
                "loginrocket.url", "ftp://x",
                "loginrocket.cors.max-age", "forever",
                "loginrocket.cors.allow-credentials", "yes",
                "loginrocket.locale", "!!"));

        assertThatThrownBy(config::validate)
                .isInstanceOfSatisfying(LoginRocketConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.key()).isEqualTo("loginrocket.url");
                    assertThat(e.getMessage()).contains("4 problems", "loginrocket.cors.max-age='forever'",
                            "loginrocket.cors.allow-credentials='yes'", "loginrocket.locale='!!'", "loginrocket.url='ftp://x'");
                });
        config(Map.of("loginrocket.url", "https://x.e2.loginrocket.com")).validate();
    }

    @Test
    void validateRequiresTheUrl() {
        assertThatThrownBy(() -> config(Map.of()).validate()).hasMessageStartingWith("loginrocket.url is missing");
    }

    @Test
    void typosAreRecognisedAsUnknownKeys() {
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.cors.allowed-origins")).isTrue();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.partners.cors.allowed-origins")).isTrue();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.partners.url")).isTrue();
        assertThat(LoginRocketKeys.isKnownKey("other.setting")).isTrue();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.cors.allowed-origin")).isFalse();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.loginrequired")).isFalse();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.partners.urll")).isFalse();
        assertThat(LoginRocketKeys.isKnownKey("loginrocket.cors.url")).isFalse();
    }

    @Test
    void keysAreDocumentedWithTheirDefaults() {
        assertThat(LoginRocketKeys.all()).contains("url", "cors.allowed-origins", "login-required", "cookie.name");
        assertThat(LoginRocketKeys.defaultValue("cookie.name")).contains("loginrocket_token");
        assertThat(LoginRocketKeys.defaultValue("jwt.issuer")).contains("https://authrocket.com");
        assertThat(LoginRocketKeys.defaultValue("url")).isEmpty();
        assertThat(LoginRocketKeys.isSecret("loginrocket.partners.jwt.key")).isTrue();
        assertThat(LoginRocketKeys.isSecret("jwt.key-fetch-timeout")).isFalse();
    }
}
