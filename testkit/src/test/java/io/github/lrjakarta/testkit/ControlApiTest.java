package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /_emulator/ controls, driven over HTTP only, as a test in another language would. */
class ControlApiTest {

    @RegisterExtension
    static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    static Http.Response control(String method, String path, String json) {
        Http http = new Http(lr.emulator().url());
        HttpRequest.Builder b = Http.request(lr.emulator().url() + "/_emulator/" + path);
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build());
    }

    @Test
    void outboxListsTokens() {
        Http http = new Http(lr.emulator().url());
        http.post("/v2/password/forgot", "{\"email\":\"dana@example.org\"}");
        JsonObject outbox = control("GET", "outbox?email=dana@example.org", null).json();
        JsonObject message = outbox.getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("to")).isEqualTo("dana@example.org");
        assertThat(message.getString("type")).isEqualTo("password_reset");
        assertThat(message.getString("token")).startsWith("tpw:");
        assertThat(control("GET", "outbox?email=sam@example.org", null).json().getJsonArray("messages")).isEmpty();
        assertThat(control("DELETE", "outbox", null).status()).isEqualTo(200);
        assertThat(lr.emulator().outbox().messages()).isEmpty();
    }

    @Test
    void faultsOverHttp() {
        Http http = new Http(lr.emulator().url());
        Http.Response added = control("POST", "faults", "{\"path\":\"/v2/login\",\"type\":\"status\",\"status\":503,\"times\":1}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(control("GET", "faults", null).json().getJsonObject("faults").containsKey("/v2/login")).isTrue();
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(503);
        assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);

        control("POST", "faults", "{\"path\":\"/connect/jwks\",\"type\":\"rate_limited\",\"reset_in\":\"PT30S\","
                + "\"headers\":{\"Retry-After\":\"30\"}}");
        Http.Response limited = http.get("/connect/jwks");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("30");
        assertThat(control("DELETE", "faults?path=/connect/jwks", null).status()).isEqualTo(200);
        assertThat(http.get("/connect/jwks").status()).isEqualTo(200);

        control("POST", "faults", "{\"path\":\"*\",\"type\":\"delay\",\"delay\":\"PT0.2S\",\"times\":1}");
        long start = System.nanoTime();
        http.get("/connect/jwks");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        Http.Response bad = control("POST", "faults", "{\"path\":\"/v2/login\",\"type\":\"explode\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).contains("unknown fault type");
    }

    @Test
    void clockAdvanceExpiresSessions() {
        Http http = new Http(lr.emulator().url());
        String session = lr.emulator().issueLogin("dana@example.org", null).sessionId();
        Instant before = Instant.parse(control("GET", "clock", null).json().getString("now"));
        Http.Response moved = control("POST", "clock", "{\"advance\":\"PT25H\"}");
        Instant after = Instant.parse(moved.json().getString("now"));
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofHours(25));
        assertThat(http.get("/v2/session?session=" + session).status()).isEqualTo(403);

        Http.Response set = control("POST", "clock", "{\"set\":\"2030-01-02T03:04:05Z\"}");
        assertThat(Instant.parse(set.json().getString("now"))).isBetween(Instant.parse("2030-01-02T03:04:05Z"),
                Instant.parse("2030-01-02T03:04:15Z"));
        String token = lr.emulator().issueToken("sam@example.org");
        assertThat(Jwt.claims(token).getJsonNumber("iat").longValue()).isBetween(1893553445L, 1893553455L);
        assertThat(control("POST", "clock", "{\"advance\":\"one hour\"}").status()).isEqualTo(400);
    }

    @Test
    void resetRequestsTokensKeysInvitationsAndRealm() {
        Http http = new Http(lr.emulator().url());
        http.post("/v2/signup", "{\"email\":\"temp@example.org\",\"password\":\"long-enough-1\"}");
        assertThat(control("POST", "reset", null).status()).isEqualTo(200);
        assertThat(http.post("/v2/login", "{\"email\":\"temp@example.org\",\"password\":\"long-enough-1\"}").status())
                .isEqualTo(422);

        JsonObject requests = control("GET", "requests", null).json();
        JsonObject recorded = requests.getJsonArray("requests").getJsonObject(0);
        assertThat(recorded.getString("method")).isEqualTo("POST");
        assertThat(recorded.getString("path")).isEqualTo("/v2/login");
        assertThat(recorded.getJsonObject("headers").getJsonArray("accept").getString(0)).isEqualTo("application/json");
        assertThat(requests.getJsonArray("requests")).as("control calls are not recorded").hasSize(1);
        control("DELETE", "requests", null);
        assertThat(lr.emulator().requests()).isEmpty();

        JsonObject issued = control("POST", "tokens", "{\"user\":\"sam@example.org\"}").json();
        assertThat(issued.getString("session")).startsWith("kss_");
        assertThat(issued.getString("account")).isEqualTo(lr.emulator().orgId("Kim Consulting"));
        assertThat(Jwt.claims(issued.getString("token")).getString("email")).isEqualTo("sam@example.org");
        assertThat(control("POST", "tokens", "{\"user\":\"ghost@example.org\"}").status()).isEqualTo(400);

        String kid = control("POST", "keys/rotate", null).json().getString("kid");
        assertThat(kid).isEqualTo(lr.emulator().signingKeyId());

        String invitation = control("POST", "invitations", "{\"email\":\"guest@example.org\"}").json().getString("token");
        assertThat(lr.emulator().outbox().latest("guest@example.org").orElseThrow().token()).isEqualTo(invitation);

        JsonObject realm = control("GET", "realm", null).json();
        assertThat(realm.getString("id")).isEqualTo("rl_sample0000000000000001");
        assertThat(realm.getString("name")).isEqualTo("Sample");
        assertThat(realm.getString("org_mode")).isEqualTo("single_user");
    }

    @Test
    void unknownControlsAndWrongVerbs() {
        assertThat(control("GET", "nope", null).status()).isEqualTo(404);
        assertThat(control("GET", "reset", null).status()).isEqualTo(405);
        assertThat(control("POST", "tokens", "[1,2]").status()).isEqualTo(400);
        String deep = "{\"user\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(control("POST", "tokens", deep).status()).isEqualTo(400);
        assertThat(control("POST", "tokens", "{\"user\":\"dana@example.org\"} {\"user\":\"x\"}").status())
                .as("content after the JSON object").isEqualTo(400);
        assertThat(control("POST", "tokens", "{\"user\":\"dana@example.org\"} \n").status())
                .as("trailing white space is fine").isEqualTo(200);
    }
}
