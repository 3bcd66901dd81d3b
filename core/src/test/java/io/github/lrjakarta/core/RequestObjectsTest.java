package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestObjectsTest {

    @Test
    void loginFieldsUseWireNamesAndSkipUnsetOnes() {
        LoginRequest r = LoginRequest.builder().email("dana@example.org").password("pw").build();
        assertThat(r.fields()).containsExactly(Map.entry("email", "dana@example.org"), Map.entry("password", "pw"));
        LoginRequest withAccount = LoginRequest.builder().email("e").password("p").account("org_1").build();
        assertThat(withAccount.fields()).containsEntry("account", "org_1");
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThatThrownBy(() -> LoginRequest.builder().email("e").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password is required");
        assertThatThrownBy(() -> UpdatePasswordRequest.builder().currentPassword("a").password("b").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> ResetPasswordRequest.builder().password("p").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> VerifyLoginRequest.builder().token("t").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> SignupRequest.builder().email("e").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> UpdateProfileRequest.builder().firstName("x").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sessionId");
    }

    @Test
    void sessionNeverGoesIntoTheBodyFields() {
        UpdatePasswordRequest p = UpdatePasswordRequest.builder().sessionId("kss_1").currentPassword("old")
                .password("new").passwordConfirmation("new").build();
        assertThat(p.sessionId()).isEqualTo("kss_1");
        assertThat(p.fields()).containsOnlyKeys("current_password", "password", "password_confirmation");
        UpdateProfileRequest u = UpdateProfileRequest.builder().sessionId("kss_1").firstName("Dana").locale("es").build();
        assertThat(u.fields()).containsExactly(Map.entry("first_name", "Dana"), Map.entry("locale", "es"));
    }

    @Test
    void allTypedFieldsOfSignupAndProfile() {
        SignupRequest s = SignupRequest.builder().email("e").password("p").passwordConfirmation("p").firstName("f")
                .lastName("l").username("u").orgName("o").invitation("i").build();
        assertThat(s.fields()).containsOnlyKeys("email", "password", "password_confirmation", "first_name",
                "last_name", "username", "org_name", "invitation");
        UpdateProfileRequest u = UpdateProfileRequest.builder().sessionId("s").email("e").firstName("f").lastName("l")
                .username("u").password("p").passwordConfirmation("p").locale("ja").build();
        assertThat(u.fields()).containsOnlyKeys("email", "first_name", "last_name", "username", "password",
                "password_confirmation", "locale");
        assertThat(ResetPasswordRequest.builder().token("tpw:1").password("p").passwordConfirmation("p").build().fields())
                .containsOnlyKeys("token", "password", "password_confirmation");
        assertThat(VerifyLoginRequest.builder().token("tmf:1").code("123456").build().fields())
                .containsExactly(Map.entry("token", "tmf:1"), Map.entry("code", "123456"));
    }

    @Test
    void extraFieldsComeLastAndKeepTheirTypes() {
        LoginRequest r = LoginRequest.builder().extra("remember_me", true).email("e").password("p")
                .extra("captcha", "abc").extra("score", 7).extra("nothing", JsonValue.NULL).build();
        assertThat(r.fields()).containsExactly(Map.entry("email", "e"), Map.entry("password", "p"),
                Map.entry("remember_me", true), Map.entry("captcha", "abc"), Map.entry("score", 7),
                Map.entry("nothing", JsonValue.NULL));
    }

    @Test
    void extraCannotSmuggleSessionOrReplaceATypedField() {
        assertThatThrownBy(() -> LoginRequest.builder().extra("session", "kss_1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query parameter")
                .hasMessageNotContaining("kss_1");
        assertThatThrownBy(() -> LoginRequest.builder().extra("password", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typed field");
        assertThatThrownBy(() -> SignupRequest.builder().extra("org_name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRequest.builder().extra(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRequest.builder().extra("a", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported value type");
        assertThatThrownBy(() -> LoginRequest.builder().extra("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRequest.builder().extra("a", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("JsonValue.NULL");
    }

    @Test
    void toStringShowsFieldNamesOnly() {
        LoginRequest r = LoginRequest.builder().email("dana@example.org").password("s3cret-pass").build();
        assertThat(r.toString()).contains("email", "password").doesNotContain("s3cret-pass");
        UpdatePasswordRequest p = UpdatePasswordRequest.builder().sessionId("kss_secret").currentPassword("old-pw")
                .password("new-pw").build();
        assertThat(p.toString()).doesNotContain("kss_secret").doesNotContain("old-pw").doesNotContain("new-pw");
        assertThat(r.toString()).isEqualTo("LoginRequest[email, password]");
        assertThat(p.toString()).isEqualTo("UpdatePasswordRequest[session=present] [current_password, password]");
    }

    @Test
    void missingFieldMessagesNameTheSetterAndCheckTheSessionFirst() {
        assertThatThrownBy(() -> UpdatePasswordRequest.builder().sessionId("kss_1").password("p").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("UpdatePasswordRequest: currentPassword is required");
        assertThatThrownBy(() -> UpdatePasswordRequest.builder().build())
                .isInstanceOf(NullPointerException.class).hasMessage("UpdatePasswordRequest: sessionId is required");
        assertThatThrownBy(() -> LoginRequest.builder().email("e").password("p").email(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("LoginRequest: email is required");
    }
}
