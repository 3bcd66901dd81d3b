package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request/response examples E1–E18 of loginrocket-api.md §7, over real HTTP. */
class FidelityExamplesTest {

    static final String DANA = "{\"email\":\"dana@example.org\",\"password\":\"correct-horse-battery\"}";
    static final String JSON_TYPE = "application/json; charset=utf-8";

    static LoginRocketEmulator sample;
    static LoginRocketEmulator multi;
    static LoginRocketEmulator invitational;
    static Http http;

    @BeforeAll
    static void start() {
        sample = LoginRocketEmulator.start();
        http = new Http(sample.url());
        multi = LoginRocketEmulator.builder()
                .realm(RealmFixture.builder().name("Teams").orgMode(OrgMode.MULTI_USER).build())
                .user(UserFixture.builder("lee@example.org", "lee-password-1").name("Lee", "Park")
                        .org("Park Studio", "admin").org("Acme Partners", "read").build())
                .start();
        invitational = LoginRocketEmulator.builder()
                .realm(RealmFixture.builder().name("Closed club").signup(SignupMode.INVITATION).build())
                .start();
    }

    @AfterAll
    static void stop() {
        sample.close();
        multi.close();
        invitational.close();
    }

    @BeforeEach
    void reset() {
        sample.reset();
        multi.reset();
        invitational.reset();
    }

    static void assertJsonResponse(Http.Response r) {
        assertThat(r.header("Content-Type")).isEqualTo(JSON_TYPE);
        assertThat(r.header("X-Request-ID")).matches("rq_[0-9A-Za-z]{22}");
    }

    static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).isEqualTo(status);
        assertJsonResponse(r);
        assertThat(r.json()).isEqualTo(Json.createObjectBuilder().add("result", "error").add("error", message)
                .add("errors", Json.createArrayBuilder().add(message)).build());
    }

    @Test
    void e1_loginSuccess() {
        Http.Response r = http.post("/v2/login", DANA);
        assertThat(r.status()).isEqualTo(200);
        assertJsonResponse(r);
        JsonObject body = r.json();
        assertThat(body.keySet()).containsExactly("result", "session", "account", "token");
        assertThat(body.getString("result")).isEqualTo("full_login");
        assertThat(body.getString("session")).matches("kss_[0-9A-Za-z]{22}");
        assertThat(body.getString("account")).isEqualTo(sample.orgId("Rivera Labs")).startsWith("org_");
        assertThat(body.getString("token").split("\\.")).hasSize(3);
    }

    @Test
    void e2_loginFailureInEnglishThenSpanish() {
        String bad = "{\"email\":\"dana@example.org\",\"password\":\"nope\"}";
        assertError(http.post("/v2/login", bad), 422, "Login failed. Please check your email and password.");
        assertError(http.postLocalized("/v2/login", bad, "es"), 422,
                "Error al iniciar sesión. Revisa tu correo y contraseña.");
    }

    @Test
    void e3_loginByUsernameCaseInsensitiveAndById() {
        for (String login : new String[] {"DanaR", "danar", "DANA@EXAMPLE.ORG", sample.userId("dana@example.org")}) {
            Http.Response r = http.post("/v2/login", "{\"email\":\"" + login + "\",\"password\":\"correct-horse-battery\"}");
            assertThat(r.status()).as(login).isEqualTo(200);
            assertThat(r.json().getString("result")).isEqualTo("full_login");
        }
        String lowerId = sample.userId("dana@example.org").toLowerCase();
        assertThat(http.post("/v2/login", "{\"email\":\"" + lowerId + "\",\"password\":\"correct-horse-battery\"}")
                .status()).as("ids are case-sensitive").isEqualTo(422);
    }

    @Test
    void e4_getSessionForAccountSwitchesAndMintsFreshToken() {
        Http multiHttp = new Http(multi.url());
        String session = multiHttp.post("/v2/login", "{\"email\":\"lee@example.org\",\"password\":\"lee-password-1\"}")
                .json().getString("session");
        String acme = multi.orgId("Acme Partners");
        Http.Response r = multiHttp.get("/v2/session?session=" + session + "&account=" + acme);
        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.getString("result")).isEqualTo("full_login");
        assertThat(body.getString("session")).isEqualTo(session);
        assertThat(body.getString("account")).isEqualTo(acme);
        JsonObject org = TokenSigner.decodePayload(body.getString("token")).getJsonArray("orgs").getJsonObject(0);
        assertThat(org.getString("oid")).isEqualTo(acme);
        assertThat(org.getString("name")).isEqualTo("Acme Partners");
        assertThat(org.getJsonArray("perm").getString(0)).isEqualTo("read");

        String park = multi.orgId("Park Studio");
        JsonObject switched = multiHttp.get("/v2/session?session=" + session + "&account=" + park).json();
        assertThat(TokenSigner.decodePayload(switched.getString("token")).getJsonArray("orgs").getJsonObject(0).getString("oid"))
                .isEqualTo(park);
    }

    @Test
    void e5_multiUserRealmWithoutAccountIsConditional() {
        Http multiHttp = new Http(multi.url());
        JsonObject login = multiHttp.post("/v2/login", "{\"email\":\"lee@example.org\",\"password\":\"lee-password-1\"}").json();
        assertThat(login.getString("result")).isEqualTo("conditional_login");
        String session = login.getString("session");
        JsonObject body = multiHttp.get("/v2/session?session=" + session).json();
        assertThat(body).isEqualTo(Json.createObjectBuilder().add("result", "conditional_login").add("session", session)
                .addNull("account").add("conditions", Json.createArrayBuilder().add("no_account_selected")).build());
    }

    @Test
    void e6_logoutThenReuseIs403() {
        String session = http.post("/v2/login", DANA).json().getString("session");
        Http.Response out = http.delete("/v2/session?session=" + session);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json()).isEqualTo(Json.createObjectBuilder().add("result", "okay").build());
        assertError(http.get("/v2/session?session=" + session), 403, "Session expired or invalid.");
        assertError(http.delete("/v2/session?session=" + session), 403, "Session expired or invalid.");
    }

    @Test
    void e7_forgotAndResetPassword() {
        assertThat(http.post("/v2/password/forgot", "{\"email\":\"dana@example.org\"}").json().getString("result"))
                .isEqualTo("okay");
        OutboxMessage mail = sample.outbox().latest("dana@example.org").orElseThrow();
        assertThat(mail.type()).isEqualTo(OutboxMessage.Type.PASSWORD_RESET);
        assertThat(mail.token()).startsWith("tpw:");

        Http.Response reset = http.post("/v2/password/reset", "{\"token\":\"" + mail.token()
                + "\",\"password\":\"new-long-passphrase!\",\"password_confirmation\":\"new-long-passphrase!\"}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().getString("result")).isEqualTo("full_login");
        assertThat(reset.json().getString("token")).isNotBlank();

        assertError(http.post("/v2/password/reset", "{\"token\":\"tpw:expired\",\"password\":\"x\"}"), 422,
                "Token is invalid or expired.");
        assertThat(http.post("/v2/password/reset", "{\"token\":\"" + mail.token()
                + "\",\"password\":\"another-long-pass\"}").status()).as("reset tokens are single-use").isEqualTo(422);
        assertThat(http.post("/v2/login", "{\"email\":\"dana@example.org\",\"password\":\"new-long-passphrase!\"}")
                .status()).isEqualTo(200);
        assertThat(http.post("/v2/login", DANA).status()).isEqualTo(422);
    }

    @Test
    void e8_changePassword() {
        String session = http.post("/v2/login", DANA).json().getString("session");
        Http.Response noSession = http.post("/v2/profile/password",
                "{\"current_password\":\"correct-horse-battery\",\"password\":\"brand-new-pass-42\"}");
        assertThat(noSession.status()).isEqualTo(403);
        assertError(http.post("/v2/profile/password", "{\"session\":\"" + session + "\",\"current_password\":\"wrong\","
                + "\"password\":\"brand-new-pass-42\",\"password_confirmation\":\"brand-new-pass-42\"}"), 422,
                "Current password does not match.");
        Http.Response ok = http.post("/v2/profile/password?session=" + session, "{\"current_password\":"
                + "\"correct-horse-battery\",\"password\":\"brand-new-pass-42\",\"password_confirmation\":\"brand-new-pass-42\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).isEqualTo(Json.createObjectBuilder().add("result", "okay").build());
        Http.Response inBody = http.post("/v2/profile/password", "{\"session\":\"" + session + "\",\"current_password\":"
                + "\"brand-new-pass-42\",\"password\":\"third-pass-word\"}");
        assertThat(inBody.status()).as("session in the body").isEqualTo(200);
        assertThat(http.post("/v2/login", "{\"email\":\"dana@example.org\",\"password\":\"third-pass-word\"}").status())
                .isEqualTo(200);
    }

    @Test
    void e9_updateProfileReturnsTokenWithNewClaims() {
        String session = http.post("/v2/login", DANA).json().getString("session");
        Http.Response r = http.put("/v2/profile", "{\"session\":\"" + session
                + "\",\"email\":\"dana.r@example.org\",\"first_name\":\"Danielle\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.getString("result")).isEqualTo("full_login");
        assertThat(body.getString("session")).isEqualTo(session);
        JsonObject claims = TokenSigner.decodePayload(body.getString("token"));
        assertThat(claims.getString("email")).isEqualTo("dana.r@example.org");
        assertThat(claims.getString("given_name")).isEqualTo("Danielle");
        assertThat(claims.getString("name")).isEqualTo("Danielle Rivera");
        assertThat(claims.getBoolean("email_verified")).as("a changed address is unverified").isFalse();
        assertThat(sample.outbox().latest("dana.r@example.org", OutboxMessage.Type.EMAIL_VERIFICATION)).isPresent();
        assertThat(http.put("/v2/profile", "{\"email\":\"x@example.org\"}").status()).isEqualTo(403);
    }

    @Test
    void e10_invitationRequestThenOpenSignupThenDuplicate() {
        Http inv = new Http(invitational.url());
        Http.Response request = inv.post("/v2/signup/request", "{\"email\":\"newcomer@example.org\"}");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.json()).isEqualTo(Json.createObjectBuilder().add("result", "okay").build());

        String signup = "{\"email\":\"newcomer@example.org\",\"password\":\"quite-long-pass-77\"}";
        Http.Response created = http.post("/v2/signup", signup);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().getString("result")).isEqualTo("full_login");
        assertThat(created.json().getString("account")).startsWith("org_");
        assertError(http.post("/v2/signup", signup), 422, "Email has already been taken.");
    }

    @Test
    void e11_verifyEmail() {
        http.post("/v2/signup", "{\"email\":\"fresh@example.org\",\"password\":\"quite-long-pass-77\"}");
        OutboxMessage mail = sample.outbox().latest("fresh@example.org", OutboxMessage.Type.EMAIL_VERIFICATION).orElseThrow();
        assertThat(mail.token()).startsWith("tve:");
        Http.Response r = http.post("/v2/email/verify", "{\"token\":\"" + mail.token() + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(Json.createObjectBuilder().add("result", "okay").build());
        String token = sample.issueToken("fresh@example.org");
        assertThat(TokenSigner.decodePayload(token).getBoolean("email_verified")).isTrue();
        assertError(http.post("/v2/email/verify", "{\"token\":\"" + mail.token() + "\"}"), 422,
                "Token is invalid or expired.");
    }

    @Test
    void e12_mfaStepBehindTheUserFlag() {
        try (LoginRocketEmulator mfa = LoginRocketEmulator.builder()
                .user(UserFixture.builder("mfa-user@example.org", "correct-pass").mfa(true).org("Vault", "admin").build())
                .start()) {
            Http h = new Http(mfa.url());
            JsonObject step = h.post("/v2/login", "{\"email\":\"mfa-user@example.org\",\"password\":\"correct-pass\"}").json();
            assertThat(step.getString("result")).isEqualTo("conditional_login");
            assertThat(step.isNull("session")).isTrue();
            assertThat(step.isNull("account")).isTrue();
            assertThat(step.getJsonArray("conditions").getString(0)).isEqualTo("must_verify_totp");
            assertThat(step.getString("token")).startsWith("tmf:");

            assertThat(h.post("/v2/login/verify", "{\"token\":\"" + step.getString("token") + "\",\"code\":\"000000\"}")
                    .status()).isEqualTo(422);
            Http.Response done = h.post("/v2/login/verify", "{\"token\":\"" + step.getString("token")
                    + "\",\"code\":\"" + UserFixture.DEFAULT_TOTP_CODE + "\"}");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().getString("result")).isEqualTo("full_login");
            assertThat(done.json().getString("account")).isEqualTo(mfa.orgId("Vault"));
        }
    }

    @Test
    void anMfaLoginKeepsTheAccountAskedForUntilItsCodeArrives() {
        try (LoginRocketEmulator mfa = LoginRocketEmulator.builder()
                .realm(RealmFixture.builder().orgMode(OrgMode.MULTI_USER).build())
                .user(UserFixture.builder("mfa-user@example.org", "correct-pass").mfa(true)
                        .org("Vault", "admin").org("Annex", "read").build())
                .start()) {
            Http h = new Http(mfa.url());
            String annex = mfa.orgId("Annex");
            JsonObject step = h.post("/v2/login", "{\"email\":\"mfa-user@example.org\",\"password\":\"correct-pass\","
                    + "\"account\":\"" + annex + "\"}").json();
            Http.Response done = h.post("/v2/login/verify", "{\"token\":\"" + step.getString("token")
                    + "\",\"code\":\"" + UserFixture.DEFAULT_TOTP_CODE + "\"}");
            assertThat(done.json().getString("result")).isEqualTo("full_login");
            assertThat(done.json().getString("account")).isEqualTo(annex);
            assertThat(TokenSigner.decodePayload(done.json().getString("token")).getJsonArray("orgs").getJsonObject(0)
                    .getString("name")).isEqualTo("Annex");
        }
    }

    @Test
    void e13_rateLimitedWithHttpDateReset() {
        sample.rateLimit("/v2/login", RateLimit.of(2, Duration.ofMinutes(1)));
        Instant before = sample.clock().now();
        assertThat(http.post("/v2/login", DANA).status()).isEqualTo(200);
        Http.Response second = http.post("/v2/login", DANA);
        assertThat(second.header("Ratelimit-Remaining")).isEqualTo("0");
        Http.Response limited = http.post("/v2/login", DANA);
        assertError(limited, 429, "Too many requests.");
        String reset = limited.header("Ratelimit-Reset");
        assertThat(reset).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        Instant resetAt = ZonedDateTime.parse(reset, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(resetAt).isAfter(before).isBeforeOrEqualTo(before.plus(Duration.ofMinutes(1)).plusSeconds(1));

        sample.clock().advance(Duration.ofMinutes(1));
        assertThat(http.post("/v2/login", DANA).status()).as("a new window").isEqualTo(200);
    }

    @Test
    void e14_lockoutIsA422Message() {
        String bad = "{\"email\":\"dana@example.org\",\"password\":\"wrong\"}";
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/v2/login", bad).json().getString("error")).startsWith("Login failed");
        }
        String lockout = "Too many login attempts; please wait and try again.";
        assertError(http.post("/v2/login", bad), 422, lockout);
        assertError(http.post("/v2/login", DANA), 422, lockout);
        assertThat(http.post("/v2/login", "{\"email\":\"sam@example.org\",\"password\":\"sam-password-123\"}").status())
                .as("lockout is per user").isEqualTo(200);
        sample.clock().advance(Duration.ofMinutes(15));
        assertThat(http.post("/v2/login", DANA).status()).isEqualTo(200);
    }

    @Test
    void e15_jwksServesSpkiInX5cAndMatchingModulus() throws Exception {
        Http.Response r = http.get("/connect/jwks");
        assertThat(r.status()).isEqualTo(200);
        assertJsonResponse(r);
        JsonObject key = r.json().getJsonArray("keys").getJsonObject(0);
        assertThat(r.json().getJsonArray("keys")).hasSize(1);
        assertThat(key.getString("kty")).isEqualTo("RSA");
        assertThat(key.getString("kid")).isEqualTo(sample.signingKeyId()).startsWith("jk_");
        assertThat(key.getString("alg")).isEqualTo("RS256");
        assertThat(key.getString("use")).isEqualTo("sig");
        assertThat(key.getJsonArray("x5c").getString(0)).startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        PublicKey spki = Jwt.keyFromJwks(r.json(), key.getString("kid"));
        RSAPublicKey rsa = (RSAPublicKey) spki;
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("n")))).isEqualTo(rsa.getModulus());
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("e")))).isEqualTo(rsa.getPublicExponent());
        assertThat(rsa.getModulus()).isEqualTo(sample.signingPublicKey().getModulus());
    }

    @Test
    void e16_tokenClaimsAsLoginRocketMintsThem() throws Exception {
        JsonObject login = http.post("/v2/login", DANA).json();
        String token = login.getString("token");
        assertThat(TokenSigner.decodeHeader(token)).isEqualTo(Json.createObjectBuilder().add("alg", "RS256")
                .add("kid", sample.signingKeyId()).add("typ", "JWT").build());
        JsonObject c = TokenSigner.decodePayload(token);
        assertThat(c.keySet()).containsExactly("iss", "sub", "sid", "rid", "iat", "exp", "name", "given_name",
                "family_name", "preferred_username", "email", "email_verified", "locale", "ref", "cs", "orgs");
        assertThat(c.getString("iss")).isEqualTo("https://authrocket.com");
        assertThat(c.getString("sub")).isEqualTo(sample.userId("dana@example.org")).matches("usr_[0-9A-Za-z]{22}");
        assertThat(c.getString("sid")).isEqualTo(login.getString("session"));
        assertThat(c.getString("rid")).isEqualTo("rl_sample0000000000000001");
        assertThat(c.getJsonNumber("exp").longValue() - c.getJsonNumber("iat").longValue()).isEqualTo(3600);
        assertThat(c.getJsonNumber("iat").longValue()).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(c.getString("name")).isEqualTo("Dana Rivera");
        assertThat(c.getString("given_name")).isEqualTo("Dana");
        assertThat(c.getString("family_name")).isEqualTo("Rivera");
        assertThat(c.getString("preferred_username")).isEqualTo("DanaR");
        assertThat(c.getString("email")).isEqualTo("dana@example.org");
        assertThat(c.getBoolean("email_verified")).isTrue();
        assertThat(c.getString("locale")).isEqualTo("en");
        assertThat(c.getString("ref")).isEqualTo("crm-4411");
        assertThat(c.getJsonObject("cs")).isEqualTo(Json.createObjectBuilder().add("plan", "pro").build());
        assertThat(c.getJsonArray("orgs")).hasSize(1);
        JsonObject org = c.getJsonArray("orgs").getJsonObject(0);
        assertThat(org.getString("mid")).matches("mb_[0-9A-Za-z]{22}");
        assertThat(org.getString("oid")).isEqualTo(sample.orgId("Rivera Labs"));
        assertThat(org.getString("name")).isEqualTo("Rivera Labs");
        assertThat(org.getJsonArray("perm")).isEqualTo(Json.createArrayBuilder().add("admin").build());
        assertThat(org.getBoolean("selected")).isTrue();
        assertThat(org.isNull("ref")).isTrue();
        assertThat(org.getJsonObject("cs")).isEmpty();
        assertThat(c.containsKey("aud")).isFalse();
        PublicKey key = Jwt.keyFromJwks(http.get("/connect/jwks").json(), TokenSigner.decodeHeader(token).getString("kid"));
        assertThat(Jwt.verifies(token, key)).isTrue();
    }

    @Test
    void e17_corsPreflightForAllowedAndUnlistedOrigins() {
        HttpRequest allowed = Http.request(sample.url() + "/v2/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,lr-agent,accept-language").build();
        Http.Response r = http.send(allowed);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("lr-agent", "content-type", "accept-language");
        assertThat(r.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
        assertThat(r.header("X-Request-ID")).matches("rq_[0-9A-Za-z]{22}");

        HttpRequest unlisted = Http.request(sample.url() + "/v2/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build();
        Http.Response denied = http.send(unlisted);
        assertThat(denied.status()).isEqualTo(204);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        Http.Response actual = http.send(http.to("/v2/login").header("Origin", "http://localhost:3000")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DANA)).build());
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(actual.header("Vary")).contains("Origin");
        Http.Response actualDenied = http.send(http.to("/v2/login").header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DANA)).build());
        assertThat(actualDenied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void e18_unknownRouteWrongVerbAcceptAndContentType() {
        assertError(http.get("/v2/nope"), 404, "Not found.");
        Http.Response wrongVerb = http.get("/v2/login");
        assertError(wrongVerb, 405, "Method not allowed.");
        assertThat(wrongVerb.header("Allow")).contains("POST");
        assertThat(http.send(Http.request(sample.url() + "/v2/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DANA)).build()).status()).as("no Accept").isEqualTo(406);
        assertThat(http.send(Http.request(sample.url() + "/v2/login").header("Accept", "text/html")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DANA)).build())
                .status()).isEqualTo(406);
        assertThat(http.send(Http.request(sample.url() + "/v2/login").header("Accept", "application/json;q=0, */*;q=0")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DANA)).build())
                .status()).isEqualTo(406);
        assertThat(http.send(Http.request(sample.url() + "/v2/login").header("Accept", "text/html, */*;q=0.1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DANA)).build())
                .status()).isEqualTo(200);
        Http.Response textPlain = http.send(http.to("/v2/login").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=dana@example.org")).build());
        assertThat(textPlain.status()).isEqualTo(415);
        assertJsonResponse(textPlain);
        Http.Response form = http.postForm("/v2/login", "email=dana%40example.org&password=correct-horse-battery");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().getString("result")).isEqualTo("full_login");
        assertThat(http.post("/v2/login", "{\"email\":").status()).as("broken JSON").isEqualTo(400);
        String deep = "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(http.post("/v2/login", deep).status()).as("JSON nested past the parser's limit").isEqualTo(400);
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        String session = http.post("/v2/login", DANA).json().getString("session");
        sample.rateLimit("/v2/password/forgot", RateLimit.of(1, Duration.ofMinutes(5)));
        Http.Response[] responses = {
            http.get("/v2/session?session=" + session),
            http.get("/v2/session"),
            http.get("/v2/nope"),
            http.get("/v2/login"),
            http.send(Http.request(sample.url() + "/v2/session?session=" + session).GET().build()),
            http.send(http.to("/v2/login").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build()),
            http.post("/v2/login", "{\"email\":\"dana@example.org\",\"password\":\"nope\"}"),
            http.post("/v2/password/forgot", "{\"email\":\"sam@example.org\"}"),
            http.post("/v2/password/forgot", "{\"email\":\"sam@example.org\"}"),
            http.get("/connect/jwks"),
            http.send(Http.request(sample.url() + "/login").GET().build()),
            http.send(Http.request(sample.url() + "/_emulator/clock").GET().build()),
            http.send(Http.request(sample.url() + "/v2/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST").build()),
        };
        assertThat(responses).extracting(Http.Response::status)
                .containsExactly(200, 403, 404, 405, 406, 415, 422, 200, 429, 200, 200, 200, 204);
        Set<String> ids = new java.util.HashSet<>();
        for (Http.Response r : responses) {
            assertThat(r.header("X-Request-ID")).matches("rq_[0-9A-Za-z]{22}");
            ids.add(r.header("X-Request-ID"));
        }
        assertThat(ids).hasSize(responses.length);
    }

    @Test
    void contentAfterTheJsonBodyIsRejected() {
        assertError(http.post("/v2/login", DANA + "x"), 400, "The request body is not valid JSON.");
        assertError(http.post("/v2/login", DANA + "{}"), 400, "The request body is not valid JSON.");
        assertThat(http.post("/v2/login", DANA + "\r\n").status()).as("trailing white space is fine").isEqualTo(200);
    }
}
