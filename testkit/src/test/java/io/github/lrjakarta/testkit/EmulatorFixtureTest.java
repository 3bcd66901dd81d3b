package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorFixtureTest {

    static EmulatorFixture parse(String json) {
        return EmulatorFixture.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sampleRealmMatchesTheContract() {
        EmulatorFixture sample = LoginRocketEmulator.sampleRealm();
        RealmFixture realm = sample.realm();
        assertThat(realm.name()).isEqualTo("Sample");
        assertThat(realm.id()).hasValueSatisfying(id -> assertThat(id).startsWith("rl_sample"));
        assertThat(realm.orgMode()).isEqualTo(OrgMode.SINGLE_USER);
        assertThat(realm.signup()).isEqualTo(SignupMode.OPEN);
        assertThat(realm.allowedOrigins()).containsExactly("http://localhost:3000");
        UserFixture dana = sample.users().get(0);
        assertThat(dana.email()).isEqualTo("dana@example.org");
        assertThat(dana.password()).isEqualTo("correct-horse-battery");
        assertThat(dana.username()).contains("DanaR");
        assertThat(dana.firstName()).contains("Dana");
        assertThat(dana.lastName()).contains("Rivera");
        assertThat(dana.locale()).isEqualTo("en");
        assertThat(dana.orgs()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Rivera Labs");
            assertThat(o.permissions()).containsExactly("admin");
        });
        UserFixture sam = sample.users().get(1);
        assertThat(sam.email()).isEqualTo("sam@example.org");
        assertThat(sam.password()).isEqualTo("sam-password-123");
        assertThat(sam.username()).contains("samk");
        assertThat(sam.locale()).isEqualTo("es");
        assertThat(sam.orgs().get(0).name()).isEqualTo("Kim Consulting");
        assertThat(sam.orgs().get(0).permissions()).containsExactly("read");
        assertThat(sam.toString()).doesNotContain("sam-password-123");
    }

    @Test
    void everyDocumentedMemberIsRead() {
        EmulatorFixture f = parse("""
                {"realm":{"name":"Full","id":"rl_full","org_mode":"multi_user","signup":"invitation",
                  "allowed_origins":["https://a.example","http://localhost:4000"],"jwt_minutes":5,"session_minutes":50,
                  "password_min_length":10,"require_password_confirmation":true,"lockout_attempts":3,"lockout_minutes":2,
                  "reset_token_minutes":7,"verify_token_minutes":8,"redirect_uris":["https://a.example/"],
                  "rate_limits":{"/v2/login":{"limit":4,"window":"PT30S"}}},
                 "users":[{"email":"f@example.org","password":"pw-long-enough","first_name":"F","last_name":"L",
                  "username":"fl","locale":"ja","id":"usr_fixed","email_verified":false,"ref":"r-1","cs":{"k":1},
                  "mfa":true,"totp_code":"999999",
                  "orgs":[{"name":"O","permissions":["a","b"],"id":"org_fixed","ref":"o-1","cs":{"tier":"gold"}}]}]}
                """);
        RealmFixture r = f.realm();
        assertThat(r.id()).contains("rl_full");
        assertThat(r.orgMode()).isEqualTo(OrgMode.MULTI_USER);
        assertThat(r.signup()).isEqualTo(SignupMode.INVITATION);
        assertThat(r.allowedOrigins()).containsExactly("https://a.example", "http://localhost:4000");
        assertThat(r.jwtMinutes()).isEqualTo(5);
        assertThat(r.sessionMinutes()).isEqualTo(50);
        assertThat(r.passwordMinLength()).isEqualTo(10);
        assertThat(r.requirePasswordConfirmation()).isTrue();
        assertThat(r.lockoutAttempts()).isEqualTo(3);
        assertThat(r.lockoutMinutes()).isEqualTo(2);
        assertThat(r.resetTokenMinutes()).isEqualTo(7);
        assertThat(r.verifyTokenMinutes()).isEqualTo(8);
        assertThat(r.redirectUris()).containsExactly("https://a.example/");
        assertThat(r.rateLimits()).containsEntry("/v2/login", RateLimit.of(4, Duration.ofSeconds(30)));
        UserFixture u = f.users().get(0);
        assertThat(u.id()).contains("usr_fixed");
        assertThat(u.emailVerified()).isFalse();
        assertThat(u.reference()).contains("r-1");
        assertThat(u.custom().getInt("k")).isEqualTo(1);
        assertThat(u.mfa()).isTrue();
        assertThat(u.totpCode()).isEqualTo("999999");
        OrgFixture o = u.orgs().get(0);
        assertThat(o.id()).contains("org_fixed");
        assertThat(o.reference()).contains("o-1");
        assertThat(o.custom().getString("tier")).isEqualTo("gold");

        try (LoginRocketEmulator e = LoginRocketEmulator.builder().fixture(f).start()) {
            String token = e.issueToken("f@example.org");
            var claims = TokenSigner.decodePayload(token);
            assertThat(claims.getString("sub")).isEqualTo("usr_fixed");
            assertThat(claims.getString("rid")).isEqualTo("rl_full");
            assertThat(claims.getString("ref")).isEqualTo("r-1");
            var org = claims.getJsonArray("orgs").getJsonObject(0);
            assertThat(org.getString("oid")).isEqualTo("org_fixed");
            assertThat(org.getString("ref")).isEqualTo("o-1");
            assertThat(org.getJsonObject("cs").getString("tier")).isEqualTo("gold");
            assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(300);
        }
    }

    @Test
    void mistakesNameTheMember(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\",\"org_mod\":\"multi_user\"}}"))
                .hasMessageContaining("realm: unknown member \"org_mod\"");
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\",\"org_mode\":\"teams\"}}"))
                .hasMessageContaining("org_mode must be single_user or multi_user");
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\"},\"users\":[{\"email\":\"a@b.c\"}]}"))
                .hasMessageContaining("users[0]: missing \"password\"");
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\"},\"users\":[{\"email\":\"a@b.c\",\"password\":\"p\","
                + "\"orgs\":[{\"name\":\"O\",\"permissions\":\"admin\"}]}]}"))
                .hasMessageContaining("users[0].orgs[0].permissions must be an array");
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\",\"jwt_minutes\":0}}"))
                .hasMessageContaining("jwt_minutes must be at least 1");
        assertThatThrownBy(() -> parse("{\"realm\":{\"name\":\"X\",\"rate_limits\":{\"/v2/login\":{\"limit\":1,\"window\":\"1m\"}}}}"))
                .hasMessageContaining("window must be an ISO-8601 duration");
        assertThatThrownBy(() -> parse("{\"users\":[]}")).hasMessageContaining("missing \"realm\"");
        assertThatThrownBy(() -> parse("{\"realm\":")).hasMessageContaining("not valid JSON");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"realm\":{}}");
        assertThatThrownBy(() -> EmulatorFixture.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("realm: missing \"name\"");
    }

    @Test
    void duplicateUsersAreRefused() {
        assertThatThrownBy(() -> LoginRocketEmulator.builder()
                .user(UserFixture.builder("a@example.org", "x").build(), UserFixture.builder("A@example.org", "y").build())
                .start()).hasMessageContaining("two users");
    }

    @Test
    void builderAddsUsersToAFixtureAndReplacesTheRealm() {
        try (LoginRocketEmulator e = LoginRocketEmulator.builder().sampleRealm()
                .realm(RealmFixture.builder().name("Renamed").orgMode(OrgMode.MULTI_USER).build())
                .user(UserFixture.builder("extra@example.org", "extra-password").build()).start()) {
            assertThat(e.fixture().realm().name()).isEqualTo("Renamed");
            assertThat(e.fixture().users()).extracting(UserFixture::email)
                    .containsExactly("dana@example.org", "sam@example.org", "extra@example.org");
            assertThat(e.realmId()).startsWith("rl_").isNotEqualTo("rl_sample0000000000000001");
        }
    }
}
