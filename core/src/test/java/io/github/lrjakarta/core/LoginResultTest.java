package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginResultTest {

    @Test
    void toStringHidesTokenAndSession() {
        LoginResult r = new LoginResult(LoginResult.Type.FULL_LOGIN, 200, "kss_2Qm8pLr5TzV1aXc9Hn4Wb0", "org_1",
                "eyJhbGciOiJSUzI1NiJ9.payload.sig", List.of(), "rq_1", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(r.toString())
                .contains("FULL_LOGIN", "org_1", "rq_1", "session=present", "token=present")
                .doesNotContain("kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
        assertThat(r.isFullLogin()).isTrue();
    }
}
