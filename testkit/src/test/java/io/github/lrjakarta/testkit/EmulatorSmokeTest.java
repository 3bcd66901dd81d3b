package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmulatorSmokeTest {

    static LoginRocketEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = LoginRocketEmulator.start();
        http = new Http(emulator.url());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void loginSessionLogoutAndJwks() throws Exception {
        Http.Response login = http.post("/v2/login", "{\"email\":\"dana@example.org\",\"password\":\"correct-horse-battery\"}");
        assertThat(login.status()).isEqualTo(200);
        JsonObject body = login.json();
        assertThat(body.getString("result")).isEqualTo("full_login");
        String token = body.getString("token");
        String session = body.getString("session");
        JsonObject jwks = http.get("/connect/jwks").json();
        assertThat(Jwt.verifies(token, Jwt.keyFromJwks(jwks, Jwt.header(token).getString("kid")))).isTrue();
        assertThat(Jwt.claims(token).getString("sid")).isEqualTo(session);

        assertThat(http.get("/v2/session?session=" + session).json().getString("result")).isEqualTo("full_login");
        assertThat(http.delete("/v2/session?session=" + session).json().getString("result")).isEqualTo("okay");
        Http.Response after = http.get("/v2/session?session=" + session);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.header("X-Request-ID")).matches("rq_[0-9A-Za-z]{22}");
    }
}
