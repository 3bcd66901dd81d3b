package io.github.lrjakarta.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.ServerException;
import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LoginRocketFactoryTest {

    private static final String SECRET = "jsk_0123456789abcdefghijklmnopqrstuvwxyz";

    private static LoginRocketConfig config(Map<String, String> values) {
        return LoginRocketConfig.builder()
                .source(ConfigSources.environment(values))
                .build();
    }

    @Test
    void clientComesFromTheConfiguredUrl() {
        try (LoginRocketClient client = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", "https://sample.e2.loginrocket.com/v2")))
                .newClient()) {
            assertThat(client.url().apiBase()).hasToString("https://sample.e2.loginrocket.com/v2/");
        }
    }

    @Test
    void clientBuilderErrorsNameTheKey() {
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of())).newClient())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.url is missing");
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of(
                        "LOGINROCKET_URL", "https://sample.e2.loginrocket.com",
                        "LOGINROCKET_USER_AGENT", "bad\u0001agent"))).clientBuilder())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.user-agent=")
                .hasMessageContaining("environment variable LOGINROCKET_USER_AGENT");
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of(
                        "LOGINROCKET_URL", "https://sample.e2.loginrocket.com",
                        "LOGINROCKET_RESPONSE_TIMEOUT", "0ms"))).clientBuilder())
                .hasMessageContaining("loginrocket.response-timeout='0ms'");
    }

    @Test
    void verifierUsesTheStaticKeyAndTheConfiguredClaimsRules() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("LOGINROCKET_JWT_KEY", SECRET);
        env.put("LOGINROCKET_JWT_ISSUER", "https://issuer.example");
        env.put("LOGINROCKET_JWT_REALM", "rl_1");
        env.put("LOGINROCKET_JWT_LEEWAY", "30s");
        env.put("LOGINROCKET_JWT_MAX_TOKEN_AGE", "10m");
        LoginRocketTokenVerifier verifier = LoginRocketFactory.of(config(env)).newTokenVerifier();

        long now = Instant.now().getEpochSecond();
        TokenVerification ok = verifier.verify(hs256(claims("https://issuer.example", "rl_1", now, now + 600)));
        assertThat(ok.isValid()).as(ok.toString()).isTrue();
        assertThat(ok.session().orElseThrow().user().id()).isEqualTo("usr_1");

        assertThat(verifier.verify(hs256(claims("https://authrocket.com", "rl_1", now, now + 600))).failure())
                .as("jwt.issuer").isEqualTo(TokenFailure.WRONG_ISSUER);
        assertThat(verifier.verify(hs256(claims("https://issuer.example", "rl_2", now, now + 600))).failure())
                .as("jwt.realm").isEqualTo(TokenFailure.WRONG_REALM);
        assertThat(verifier.verify(hs256(claims("https://issuer.example", "rl_1", now - 700, now - 15))).failure())
                .as("jwt.max-token-age").isEqualTo(TokenFailure.TOO_OLD);
        assertThat(verifier.verify(hs256(claims("https://issuer.example", "rl_1", now - 300, now - 15))).isValid())
                .as("jwt.leeway: expired 15 s ago is within 30 s").isTrue();
        assertThat(verifier.verify(hs256(claims("https://issuer.example", "rl_1", now - 300, now - 60))).failure())
                .as("jwt.leeway: 60 s is beyond it").isEqualTo(TokenFailure.EXPIRED);
    }

    @Test
    void maxAttemptsReachesTheClient() {
        try (LoginRocketEmulator emulator = LoginRocketEmulator.start()) {
            emulator.faults().inject("/v2/session", Fault.status(503));
            for (int attempts : new int[] {1, 2}) {
                emulator.clearRequests();
                try (LoginRocketClient client = LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", emulator.url(),
                        "LOGINROCKET_ALLOW_INSECURE_LOOPBACK", "true",
                        "LOGINROCKET_MAX_ATTEMPTS", String.valueOf(attempts)))).newClient()) {
                    assertThatThrownBy(() -> client.getSession("kss_0000000000000000000000"))
                            .isInstanceOf(ServerException.class);
                }
                assertThat(emulator.requestCount("/v2/session")).as("attempts with max-attempts=" + attempts)
                        .isEqualTo(attempts);
            }
        }
    }

    private static String claims(String issuer, String realm, long iat, long exp) {
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"usr_1\",\"sid\":\"kss_1\",\"rid\":\"" + realm + "\",\"iat\":" + iat
                + ",\"exp\":" + exp + "}";
    }

    @Test
    void anUnusableStaticKeyIsReportedWithoutItsValue() {
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of("LOGINROCKET_JWT_KEY", "jsk_tooShortSecret"))).newTokenVerifier())
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageStartingWith("loginrocket.jwt.key (secret, value not shown) from environment variable LOGINROCKET_JWT_KEY: ")
                .message().doesNotContain("tooShortSecret");
    }

    @Test
    void withoutAStaticKeyTheRealmKeySetIsUsedAndTheUrlIsRequired() {
        assertThat(LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", "https://sample.e2.loginrocket.com"))).newTokenVerifier()).isNotNull();
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of())).newTokenVerifier()).hasMessageContaining("loginrocket.url is missing");
    }

    @Test
    void leewayIsCappedAtFiveMinutes() {
        assertThatThrownBy(() -> LoginRocketFactory.of(config(Map.of("LOGINROCKET_URL", "https://sample.e2.loginrocket.com",
                        "LOGINROCKET_JWT_LEEWAY", "10m"))).newTokenVerifier())
                .hasMessageContaining("loginrocket.jwt.leeway='10m'").hasMessageContaining("at most 5m");
        assertThatThrownBy(() -> config(Map.of("LOGINROCKET_URL", "https://sample.e2.loginrocket.com",
                        "LOGINROCKET_JWT_LEEWAY", "10m")).validate())
                .hasMessageContaining("loginrocket.jwt.leeway='10m'");
    }

    private static String hs256(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }
}
