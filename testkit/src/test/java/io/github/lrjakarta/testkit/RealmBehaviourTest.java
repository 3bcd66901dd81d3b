package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.PublicKey;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Realm rules beyond the documented request/response examples: modes, lifetimes, passwords, profiles, keys, sessions. */
class RealmBehaviourTest {

    static String field(Http.Response r, String name) {
        return r.json().getString(name);
    }

    @Nested
    class SignupModes {
        @Test
        void closedRealmRefusesSignupAndRequests() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().signup(SignupMode.CLOSED).build()).start()) {
                Http http = new Http(e.url());
                Http.Response r = http.post("/v2/signup", "{\"email\":\"a@example.org\",\"password\":\"long-enough-1\"}");
                assertThat(r.status()).isEqualTo(422);
                assertThat(field(r, "error")).isEqualTo("Signups are closed.");
                assertThat(http.post("/v2/signup/request", "{\"email\":\"a@example.org\"}").status()).isEqualTo(422);
            }
        }

        @Test
        void invitationRealmNeedsAMatchingInvitation() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().signup(SignupMode.INVITATION).build()).start()) {
                Http http = new Http(e.url());
                Http.Response none = http.post("/v2/signup", "{\"email\":\"a@example.org\",\"password\":\"long-enough-1\"}");
                assertThat(field(none, "error")).isEqualTo("A valid invitation is required to sign up.");

                String token = e.invite("a@example.org");
                assertThat(e.outbox().latest("a@example.org").orElseThrow().type()).isEqualTo(OutboxMessage.Type.INVITATION);
                Http.Response wrongEmail = http.post("/v2/signup", "{\"email\":\"b@example.org\",\"password\":"
                        + "\"long-enough-1\",\"invitation\":\"" + token + "\"}");
                assertThat(wrongEmail.status()).isEqualTo(422);
                Http.Response ok = http.post("/v2/signup", "{\"email\":\"a@example.org\",\"password\":\"long-enough-1\","
                        + "\"invitation\":\"" + token + "\",\"first_name\":\"Ada\",\"org_name\":\"Ada Inc\"}");
                assertThat(ok.status()).isEqualTo(200);
                JsonObject claims = TokenSigner.decodePayload(field(ok, "token"));
                assertThat(claims.getBoolean("email_verified")).as("the invitation proved the address").isTrue();
                assertThat(claims.getJsonArray("orgs").getJsonObject(0).getString("name")).isEqualTo("Ada Inc");
                assertThat(http.post("/v2/signup", "{\"email\":\"a2@example.org\",\"password\":\"long-enough-1\","
                        + "\"invitation\":\"" + token + "\"}").status()).as("single use").isEqualTo(422);
            }
        }

        @Test
        void invitationRequestsOnlyInInvitationRealmsAndOnlyOnce() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().signup(SignupMode.INVITATION).build()).start()) {
                Http http = new Http(e.url());
                assertThat(http.post("/v2/signup/request", "{\"email\":\"c@example.org\"}").status()).isEqualTo(200);
                assertThat(e.outbox().latest("c@example.org").orElseThrow().type())
                        .isEqualTo(OutboxMessage.Type.INVITATION_REQUEST);
                Http.Response again = http.post("/v2/signup/request", "{\"email\":\"c@example.org\"}");
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.json().getString("result")).isEqualTo("error");
                assertThat(again.json().getJsonArray("errors")).hasSize(1);
            }
            try (LoginRocketEmulator open = LoginRocketEmulator.start()) {
                Http.Response r = new Http(open.url()).post("/v2/signup/request", "{\"email\":\"c@example.org\"}");
                assertThat(r.status()).isEqualTo(422);
                assertThat(field(r, "error")).isEqualTo("This realm does not accept invitation requests.");
            }
        }
    }

    @Nested
    class OrgModes {
        @Test
        void singleUserRealmCreatesAnAccountForAUserWithoutOne() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .user(UserFixture.builder("solo@example.org", "solo-password").name("Solo", "Han").build()).start()) {
                Http.Response r = new Http(e.url()).post("/v2/login", "{\"email\":\"solo@example.org\",\"password\":\"solo-password\"}");
                assertThat(field(r, "result")).isEqualTo("full_login");
                JsonObject org = TokenSigner.decodePayload(field(r, "token")).getJsonArray("orgs").getJsonObject(0);
                assertThat(org.getString("name")).isEqualTo("Solo Han");
                assertThat(org.getString("oid")).isEqualTo(field(r, "account"));
                assertThat(e.orgId("Solo Han")).isEqualTo(field(r, "account"));
            }
        }

        @Test
        void multiUserRealmSelectsOnlyTheAccountACallNamesAndReselects() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().orgMode(OrgMode.MULTI_USER).build())
                    .user(UserFixture.builder("lee@example.org", "lee-password-1").org("A", "admin").org("B").build(),
                            UserFixture.builder("kim@example.org", "kim-password-1").org("B", "write").build())
                    .start()) {
                Http http = new Http(e.url());
                String a = e.orgId("A");
                String b = e.orgId("B");
                Http.Response login = http.post("/v2/login", "{\"email\":\"lee@example.org\",\"password\":\"lee-password-1\","
                        + "\"account\":\"" + b + "\"}");
                assertThat(field(login, "result")).isEqualTo("full_login");
                assertThat(field(login, "account")).isEqualTo(b);
                String session = field(login, "session");
                Http.Response withoutAccount = http.get("/v2/session?session=" + session);
                assertThat(field(withoutAccount, "result")).as("multi-user: no account named, none selected")
                        .isEqualTo("conditional_login");
                assertThat(withoutAccount.body()).contains("\"account\":null").contains("no_account_selected")
                        .doesNotContain("\"token\"");
                assertThat(field(http.get("/v2/session?session=" + session + "&account=" + b), "account")).isEqualTo(b);
                assertThat(field(http.get("/v2/session?session=" + session + "&account=" + a), "account")).isEqualTo(a);
                assertThat(field(http.get("/v2/session?session=" + session + "&account="), "result"))
                        .as("blank account forces re-selection").isEqualTo("conditional_login");
                Http.Response foreign = http.get("/v2/session?session=" + session + "&account=org_notamember00000000000");
                assertThat(foreign.status()).isEqualTo(422);
                assertThat(field(foreign, "error")).isEqualTo("Account not found or not available to this user.");
                String kimToken = e.issueToken("kim@example.org", "B");
                assertThat(TokenSigner.decodePayload(kimToken).getJsonArray("orgs").getJsonObject(0).getString("oid"))
                        .as("orgs are shared by name").isEqualTo(b);
            }
        }
    }

    @Nested
    class Lifetimes {
        @Test
        void jwtAndSessionMinutesFollowTheEmulatorClock() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().jwtMinutes(5).sessionMinutes(30).build())
                    .user(UserFixture.builder("t@example.org", "time-password").org("T").build()).start()) {
                Http http = new Http(e.url());
                Http.Response login = http.post("/v2/login", "{\"email\":\"t@example.org\",\"password\":\"time-password\"}");
                JsonObject claims = TokenSigner.decodePayload(field(login, "token"));
                assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(300);
                String session = field(login, "session");

                e.clock().advance(Duration.ofMinutes(20));
                JsonObject refreshed = TokenSigner.decodePayload(field(http.get("/v2/session?session=" + session), "token"));
                assertThat(refreshed.getJsonNumber("iat").longValue() - claims.getJsonNumber("iat").longValue())
                        .isBetween(1199L, 1201L);
                assertThat(refreshed.getJsonNumber("exp").longValue() - refreshed.getJsonNumber("iat").longValue())
                        .isEqualTo(300);

                e.clock().advance(Duration.ofMinutes(8));
                JsonObject capped = TokenSigner.decodePayload(field(http.get("/v2/session?session=" + session), "token"));
                assertThat(capped.getJsonNumber("exp").longValue())
                        .as("exp never outlives the session").isEqualTo(e.session(session).orElseThrow().expiresAt().getEpochSecond());

                e.clock().advance(Duration.ofMinutes(3));
                assertThat(http.get("/v2/session?session=" + session).status()).isEqualTo(403);
                assertThat(e.session(session).orElseThrow().active()).isFalse();
            }
        }

        @Test
        void resetTokensExpire() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                http.post("/v2/password/forgot", "{\"email\":\"sam@example.org\"}");
                String token = e.outbox().latest("sam@example.org").orElseThrow().token();
                e.clock().advance(Duration.ofMinutes(61));
                Http.Response r = http.post("/v2/password/reset", "{\"token\":\"" + token + "\",\"password\":\"long-enough-9\"}");
                assertThat(r.status()).isEqualTo(422);
            }
        }
    }

    @Nested
    class Passwords {
        @Test
        void rulesApplyToResetSignupProfileAndChange() {
            try (LoginRocketEmulator e = LoginRocketEmulator.builder()
                    .realm(RealmFixture.builder().passwordMinLength(12).requirePasswordConfirmation(true).build())
                    .user(UserFixture.builder("p@example.org", "initial-password").build()).start()) {
                Http http = new Http(e.url());
                String session = field(http.post("/v2/login", "{\"email\":\"p@example.org\",\"password\":\"initial-password\"}"), "session");
                Http.Response tooShort = http.post("/v2/profile/password", "{\"session\":\"" + session
                        + "\",\"current_password\":\"initial-password\",\"password\":\"short-one\",\"password_confirmation\":\"short-one\"}");
                assertThat(field(tooShort, "error")).isEqualTo("Password is too short (minimum is 12 characters).");
                Http.Response noConfirmation = http.post("/v2/profile/password", "{\"session\":\"" + session
                        + "\",\"current_password\":\"initial-password\",\"password\":\"long-enough-password\"}");
                assertThat(field(noConfirmation, "error")).isEqualTo("Password confirmation can't be blank.");
                Http.Response mismatch = http.post("/v2/signup", "{\"email\":\"q@example.org\",\"password\":\"long-enough-password\","
                        + "\"password_confirmation\":\"long-enough-passwore\"}");
                assertThat(field(mismatch, "error")).isEqualTo("Password confirmation does not match password.");
                Http.Response viaProfile = http.put("/v2/profile", "{\"session\":\"" + session
                        + "\",\"password\":\"profile-password-1\",\"password_confirmation\":\"profile-password-1\"}");
                assertThat(viaProfile.status()).isEqualTo(200);
                assertThat(http.post("/v2/login", "{\"email\":\"p@example.org\",\"password\":\"profile-password-1\"}").status())
                        .isEqualTo(200);
            }
        }
    }

    @Nested
    class Profiles {
        @Test
        void duplicateEmailAndUsernameAreRejectedAtomically() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                String session = e.issueLogin("dana@example.org", null).sessionId();
                Http.Response r = http.put("/v2/profile", "{\"session\":\"" + session
                        + "\",\"email\":\"SAM@example.org\",\"username\":\"samk\",\"first_name\":\"Nope\"}");
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.json().getJsonArray("errors")).hasSize(2);
                assertThat(field(r, "error")).contains("Email has already been taken.", "Username has already been taken.");
                JsonObject unchanged = TokenSigner.decodePayload(field(http.get("/v2/session?session=" + session), "token"));
                assertThat(unchanged.getString("given_name")).isEqualTo("Dana");
            }
        }

        @Test
        void formBodiesAndQuerySessionWork() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                String session = e.issueLogin("sam@example.org", null).sessionId();
                Http.Response r = http.send(http.to("/v2/profile?session=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("last_name=Kim-L%C3%B3pez&locale=ja&username=sammy"))
                        .build());
                assertThat(r.status()).isEqualTo(200);
                JsonObject claims = TokenSigner.decodePayload(field(r, "token"));
                assertThat(claims.getString("family_name")).isEqualTo("Kim-López");
                assertThat(claims.getString("locale")).isEqualTo("ja");
                assertThat(claims.getString("preferred_username")).isEqualTo("sammy");
            }
        }
    }

    @Nested
    class KeysAndSessions {
        @Test
        void rotationReplacesTheServedKey() throws Exception {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                String before = e.issueToken("dana@example.org");
                String oldKid = e.signingKeyId();
                String newKid = e.rotateSigningKey();
                assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(e.signingKeyId());
                JsonObject jwks = http.get("/connect/jwks").json();
                assertThat(Jwt.keyFromJwks(jwks, oldKid)).isNull();
                String after = e.issueToken("dana@example.org");
                assertThat(TokenSigner.decodeHeader(after).getString("kid")).isEqualTo(newKid);
                PublicKey key = Jwt.keyFromJwks(jwks, newKid);
                assertThat(Jwt.verifies(after, key)).isTrue();
                assertThat(Jwt.verifies(before, key)).isFalse();
            }
        }

        @Test
        void givenSigningKeyAndSignedClaims() throws Exception {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            java.security.KeyPair pair = g.generateKeyPair();
            try (LoginRocketEmulator e = LoginRocketEmulator.builder().signingKey(pair, "jk_fixed").start()) {
                String token = e.signClaims(Json.createObjectBuilder().add("iss", "https://evil.example").build());
                assertThat(TokenSigner.decodeHeader(token).getString("kid")).isEqualTo("jk_fixed");
                assertThat(TokenSigner.decodePayload(token).getString("iss")).isEqualTo("https://evil.example");
                assertThat(Jwt.verifies(token, pair.getPublic())).isTrue();
                assertThat(e.signingPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjAN")
                        .endsWith("-----END PUBLIC KEY-----\n");
            }
        }

        @Test
        void sessionsRecordTheClient() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                Http.Response r = http.send(http.to("/v2/login").header("Content-Type", "application/json")
                        .header("User-Agent", "Mozilla/5.0 (X11) via MyApp/1.0")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(FidelityExamplesTest.DANA)).build());
                SessionInfo info = e.session(field(r, "session")).orElseThrow();
                assertThat(info.client()).isEqualTo("Mozilla/5.0 (X11) via MyApp/1.0");
                assertThat(info.userId()).isEqualTo(e.userId("dana@example.org"));
                assertThat(info.account()).isEqualTo(e.orgId("Rivera Labs"));
                assertThat(info.active()).isTrue();
                assertThat(info.toString()).doesNotContain(info.id());
            }
        }

        @Test
        void issueTokenRejectsUnknownUsersAndAccounts() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                assertThatThrownBy(() -> e.issueToken("nobody@example.org")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> e.issueToken("dana@example.org", "Kim Consulting"))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(TokenSigner.decodePayload(e.issueToken("samk", "Kim Consulting")).getString("email")).isEqualTo("sam@example.org");
            }
        }

        @Test
        void closeIsIdempotentAndStopsServing() {
            LoginRocketEmulator e = LoginRocketEmulator.start();
            Http http = new Http(e.url());
            assertThat(http.get("/connect/jwks").status()).isEqualTo(200);
            e.close();
            e.close();
            assertThatThrownBy(() -> new Http(e.url()).get("/connect/jwks")).isInstanceOf(java.io.UncheckedIOException.class);
        }

        @Test
        void forgotPasswordForUnknownAddressIsOkayAndSendsNothing() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http.Response r = new Http(e.url()).post("/v2/password/forgot", "{\"email\":\"ghost@example.org\"}");
                assertThat(field(r, "result")).isEqualTo("okay");
                assertThat(e.outbox().messages()).isEmpty();
            }
        }

        @Test
        void resetRestoresTheFixture() {
            try (LoginRocketEmulator e = LoginRocketEmulator.start()) {
                Http http = new Http(e.url());
                String session = e.issueLogin("dana@example.org", null).sessionId();
                http.post("/v2/signup", "{\"email\":\"new@example.org\",\"password\":\"long-enough-1\"}");
                e.faults().inject("/v2/login", Fault.status(500));
                e.clock().advance(Duration.ofHours(3));
                String danaId = e.userId("dana@example.org");
                e.reset();
                assertThat(http.get("/v2/session?session=" + session).status()).isEqualTo(403);
                assertThat(http.post("/v2/login", "{\"email\":\"new@example.org\",\"password\":\"long-enough-1\"}").status())
                        .isEqualTo(422);
                assertThat(http.post("/v2/login", FidelityExamplesTest.DANA).status()).isEqualTo(200);
                assertThat(e.outbox().messages()).isEmpty();
                assertThat(e.clock().offset()).isZero();
                assertThat(e.userId("dana@example.org")).as("fixture ids are stable").isEqualTo(danaId);
            }
        }
    }
}
