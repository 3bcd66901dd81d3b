package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mapping of claims into the session model, defensive against missing, null and wrongly typed claims. */
class LoginRocketSessionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static LoginRocketSession session(JsonObjectBuilder claims) {
        return LoginRocketSession.fromClaims(claims.build(), "tok");
    }

    @Test
    void mapsEveryClaimOfALoginRocketToken() {
        LoginRocketSession s = session(TestTokens.claims(NOW));
        assertThat(s.sessionId()).isEqualTo("kss_2Qm8pLr5TzV1aXc9Hn4Wb0");
        assertThat(s.realmId()).isEqualTo("rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8");
        assertThat(s.issuedAt()).isEqualTo(NOW);
        assertThat(s.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(s.token()).isEqualTo("tok");
        LoginRocketUser u = s.user();
        assertThat(u.id()).isEqualTo("usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0");
        assertThat(u.email()).contains("dana@example.org");
        assertThat(u.emailVerified()).contains(true);
        assertThat(u.name()).contains("Dana Rivera");
        assertThat(u.givenName()).contains("Dana");
        assertThat(u.familyName()).contains("Rivera");
        assertThat(u.username()).contains("DanaR");
        assertThat(u.locale()).contains("en");
        assertThat(u.reference()).contains("crm-4411");
        assertThat(u.custom().getString("plan")).isEqualTo("pro");
        LoginRocketMembership m = s.selectedMembership().orElseThrow();
        assertThat(m.id()).isEqualTo("mb_8Zx7Yw6Vu5Ts4Rq3Po2Nm1");
        assertThat(m.orgId()).isEqualTo("org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1");
        assertThat(m.orgName()).contains("Rivera Labs");
        assertThat(m.permissions()).containsExactly("admin");
        assertThat(m.selected()).isTrue();
        assertThat(m.reference()).isEmpty();
        assertThat(m.custom()).isEmpty();
        assertThat(s.hasPermission("admin")).isTrue();
        assertThat(s.hasPermission("Admin")).isFalse();
        assertThat(s.hasPermission(null)).isFalse();
    }

    @Test
    void optionalClaimsMayBeMissingOrNull() {
        JsonObjectBuilder minimal = Json.createObjectBuilder()
                .add("sub", "usr_1").add("sid", "kss_1").add("iat", 1).add("exp", 2)
                .addNull("email").addNull("email_verified").addNull("name").addNull("cs").addNull("orgs");
        LoginRocketSession s = session(minimal);
        assertThat(s.user().email()).isEmpty();
        assertThat(s.user().emailVerified()).isEmpty();
        assertThat(s.user().name()).isEmpty();
        assertThat(s.user().locale()).isEmpty();
        assertThat(s.user().custom()).isEmpty();
        assertThat(s.realmId()).isNull();
        assertThat(s.memberships()).isEmpty();
        assertThat(s.selectedMembership()).isEmpty();
        assertThat(s.hasPermission("admin")).isFalse();
    }

    @Test
    void optionalClaimsOfTheWrongTypeAreRefusedNotReadAsAbsent() {
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("email_verified", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claim 'email_verified' must be a boolean, got a string");
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("orgs", "not an array")))
                .hasMessage("claim 'orgs' must be an array of objects, got a string");
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("locale", Json.createArrayBuilder().add("en"))))
                .hasMessage("claim 'locale' must be a string, got an array");
    }

    @Test
    void membershipsAreDecodedEntryByEntry() {
        LoginRocketSession s = session(TestTokens.claims(NOW).add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("mid", "mb_1").add("oid", "org_1")
                        .add("perm", Json.createArrayBuilder().add("read").add("write").add("read")))
                .add(Json.createObjectBuilder().add("mid", "mb_2").add("oid", "org_2").addNull("perm"))));
        assertThat(s.memberships()).extracting(LoginRocketMembership::id).containsExactly("mb_1", "mb_2");
        LoginRocketMembership first = s.memberships().get(0);
        assertThat(first.permissions()).containsExactly("read", "write");
        assertThat(first.selected()).as("absent selects nothing").isFalse();
        assertThat(s.memberships().get(1).permissions()).isEmpty();
        assertThat(s.selectedMembership()).as("none selected: the first").contains(first);
        assertThat(s.hasPermission("read")).isTrue();
        assertThatThrownBy(() -> first.permissions().add("admin")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.memberships().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMembershipThatCannotBeReadExactlyMakesTheClaimsUnusable() {
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("oid", "org_noid")))))
                .hasMessage("an entry of claim 'orgs' is malformed: required claim 'mid' is missing");
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("mid", "mb_1").add("oid", "org_1").add("selected", "yes")))))
                .hasMessage("an entry of claim 'orgs' is malformed: claim 'selected' must be a boolean, got a string");
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("orgs", Json.createArrayBuilder().add("org_1"))))
                .hasMessage("claim 'orgs' must be an array of objects, but an element is a string");
    }

    @Test
    void theSelectedMembershipWinsOverTheFirst() {
        LoginRocketSession s = session(TestTokens.claims(NOW).add("orgs", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("mid", "mb_1").add("oid", "org_1")
                        .add("perm", Json.createArrayBuilder().add("admin")))
                .add(Json.createObjectBuilder().add("mid", "mb_2").add("oid", "org_2").add("selected", true)
                        .add("perm", Json.createArrayBuilder().add("read")))));
        assertThat(s.selectedMembership().orElseThrow().orgId()).isEqualTo("org_2");
        assertThat(s.hasPermission("admin")).as("permissions of an unselected account do not count").isFalse();
        assertThat(s.hasPermission("read")).isTrue();
    }

    @Test
    void requiredClaimsAreNamedWhenMissing() {
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).remove("sid")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sid'");
        assertThatThrownBy(() -> session(TestTokens.claims(NOW).add("sub", "")))
                .hasMessageContaining("'sub' must not be empty");
    }

    @Test
    void toStringShowsNeitherTokenNorSessionId() {
        LoginRocketSession s = LoginRocketSession.fromClaims(TestTokens.claims(NOW).build(), "eyJsecret.token.value");
        assertThat(s.toString()).doesNotContain("eyJsecret").doesNotContain("kss_").contains("usr_3Ab4");
        assertThat(TokenVerification.valid(s).toString()).doesNotContain("kss_").doesNotContain("eyJ");
    }

    @Test
    void sessionOrThrowCarriesTheFailure() {
        TokenVerification r = TokenVerification.invalid(TokenFailure.EXPIRED, "expired at x");
        assertThatThrownBy(r::sessionOrThrow)
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.failure()).isEqualTo(TokenFailure.EXPIRED))
                .hasMessage("EXPIRED: expired at x");
    }
}
