package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginResultTest {

    @Test
    void toStringHidesTokenAndSession() {
        LoginResult r = LoginResult.builder(LoginResult.Type.FULL_LOGIN).sessionId("kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .account("org_1").token("eyJhbGciOiJSUzI1NiJ9.payload.sig").requestId("rq_1").build();
        assertThat(r.toString())
                .contains("FULL_LOGIN", "org_1", "rq_1", "session=present", "token=present")
                .doesNotContain("kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
        assertThat(r.isFullLogin()).isTrue();
    }

    @Test
    void aBuilderMakesTheResultATestDoubleReturns() {
        LoginResult conditional = LoginResult.builder(LoginResult.Type.CONDITIONAL_LOGIN)
                .sessionId("kss_test")
                .conditions(List.of("no_account_selected"))
                .build();
        assertThat(conditional.isFullLogin()).isFalse();
        assertThat(conditional.status()).isEqualTo(200);
        assertThat(conditional.conditions()).containsExactly("no_account_selected");
        assertThat(conditional.token()).isEmpty();
        assertThat(conditional.requestId()).isNull();
        assertThat(conditional.body()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        assertThatThrownBy(() -> LoginResult.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
