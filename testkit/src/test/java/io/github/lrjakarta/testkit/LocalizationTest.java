package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalizationTest {

    // Bad passwords would lock the user after five tests: start each test from the fixture.
    @RegisterExtension
    static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    static final String BAD_LOGIN = "{\"email\":\"sam@example.org\",\"password\":\"nope\"}";

    @ParameterizedTest(name = "Accept-Language: {0}")
    @CsvSource(delimiter = '|', value = {
        "en|Login failed. Please check your email and password.",
        "es|Error al iniciar sesión. Revisa tu correo y contraseña.",
        "ja|ログインに失敗しました。メールアドレスとパスワードを確認してください。",
        "es-MX|Error al iniciar sesión. Revisa tu correo y contraseña.",
        "ja-JP,ja;q=0.9,en;q=0.5|ログインに失敗しました。メールアドレスとパスワードを確認してください。",
        "fr-FR,es;q=0.8|Error al iniciar sesión. Revisa tu correo y contraseña.",
        "fr|Login failed. Please check your email and password.",
        "not a language tag;;|Login failed. Please check your email and password.",
    })
    void loginFailureFollowsAcceptLanguage(String language, String expected, LoginRocketEmulator emulator) {
        Http.Response r = new Http(emulator.url()).postLocalized("/v2/login", BAD_LOGIN, language);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().getString("error")).isEqualTo(expected);
        assertThat(r.json().getJsonArray("errors").getString(0)).isEqualTo(expected);
    }

    @Test
    void everyErrorIsLocalized(LoginRocketEmulator emulator) {
        Http http = new Http(emulator.url());
        assertThat(http.send(http.to("/v2/session?session=kss_nope").header("Accept-Language", "ja").GET().build())
                .json().getString("error")).isEqualTo("セッションの有効期限が切れているか、無効です。");
        assertThat(http.send(http.to("/v2/nope").header("Accept-Language", "es").GET().build())
                .json().getString("error")).isEqualTo("No encontrado.");
        assertThat(http.postLocalized("/v2/password/reset", "{\"token\":\"tpw:nope\",\"password\":\"long-enough-1\"}", "es")
                .json().getString("error")).isEqualTo("El token no es válido o ha caducado.");
    }

    @Test
    void severalValidationErrorsAreAllListedWithArguments(LoginRocketEmulator emulator) {
        Http.Response r = new Http(emulator.url()).postLocalized("/v2/signup",
                "{\"email\":\"not-an-email\",\"password\":\"short\",\"password_confirmation\":\"other\"}", "es");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly(
                        "El correo electrónico no es válido.",
                        "La contraseña es demasiado corta (el mínimo es de 8 caracteres).",
                        "La confirmación de la contraseña no coincide.");
        assertThat(r.json().getString("error")).startsWith("El correo electrónico no es válido. La contraseña");
    }

    @Test
    void englishApostrophesSurviveFormatting(LoginRocketEmulator emulator) {
        Http.Response r = new Http(emulator.url()).post("/v2/signup", "{\"email\":\"\",\"password\":\"\"}");
        assertThat(r.json().getJsonArray("errors").getString(0)).isEqualTo("Email can't be blank.");
    }
}
