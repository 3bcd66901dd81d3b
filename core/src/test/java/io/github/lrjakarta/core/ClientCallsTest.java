package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.claims;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static io.github.lrjakarta.core.ClientTestSupport.jsonBody;
import static io.github.lrjakarta.core.ClientTestSupport.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.github.lrjakarta.testkit.OrgMode;
import io.github.lrjakarta.testkit.OutboxMessage;
import io.github.lrjakarta.testkit.RealmFixture;
import io.github.lrjakarta.testkit.RecordedRequest;
import io.github.lrjakarta.testkit.SignupMode;
import io.github.lrjakarta.testkit.UserFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every one of the eleven calls and every result type, over real HTTP against the emulator's sample realm. */
class ClientCallsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private static LoginRocketClient client;

    @BeforeAll
    static void startClient() {
        client = clientFor(LR.emulator()).build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    @Test
    void loginReturnsAFullLogin() {
        LoginResult r = client.login(DANA, DANA_PASSWORD);

        assertThat(r.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.sessionId()).get().asString().startsWith("kss_");
        assertThat(r.account()).contains(emulator().orgId("Rivera Labs"));
        assertThat(claims(r.token().orElseThrow()).getString("sub")).isEqualTo(emulator().userId(DANA));
        assertThat(r.conditions()).isEmpty();
        assertThat(r.requestId()).matches(REQUEST_ID);
        assertThat(r.body().getString("result")).isEqualTo("full_login");

        RecordedRequest sent = last(emulator(), "/v2/login");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(jsonBody(sent)).containsOnlyKeys("email", "password");
        assertThat(jsonBody(sent).getString("email")).isEqualTo(DANA);
    }

    @Test
    void loginByUsernameWithAccountAndExtraFields() {
        String org = emulator().orgId("Rivera Labs");
        LoginResult r = client.login(LoginRequest.builder().email("DanaR").password(DANA_PASSWORD).account(org)
                .extra("remember_me", true).build());
        assertThat(r.isFullLogin()).isTrue();
        assertThat(r.account()).contains(org);
        assertThat(jsonBody(last(emulator(), "/v2/login")).getBoolean("remember_me")).isTrue();
    }

    @Test
    void getSessionRefreshesAndSelectsTheAccount() {
        LoginResult login = client.login(DANA, DANA_PASSWORD);
        String session = login.sessionId().orElseThrow();

        LoginResult refreshed = client.getSession(session);
        assertThat(refreshed.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(refreshed.sessionId()).contains(session);
        assertThat(claims(refreshed.token().orElseThrow()).getString("sid")).isEqualTo(session);

        String org = login.account().orElseThrow();
        LoginResult selected = client.getSession(session, org);
        assertThat(selected.account()).contains(org);
        RecordedRequest sent = last(emulator(), "/v2/session");
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.queryParam("session")).contains(session);
        assertThat(sent.queryParam("account")).contains(org);
        assertThat(sent.body()).isEmpty();
    }

    @Test
    void logoutEndsTheSession() {
        String session = client.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();

        LoginResult r = client.logout(session);
        assertThat(r.type()).isEqualTo(LoginResult.Type.OKAY);
        assertThat(r.sessionId()).isEmpty();
        assertThat(r.token()).isEmpty();
        assertThat(last(emulator(), "/v2/session").method()).isEqualTo("DELETE");
        assertThat(last(emulator(), "/v2/session").queryParam("session")).contains(session);

        AccessDeniedException e =
                catchThrowableOfType(() -> client.getSession(session), AccessDeniedException.class);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.requestId()).matches(REQUEST_ID);
        assertThat(e.getMessage()).contains("GET /v2/session", e.requestId()).doesNotContain(session);
    }

    @Test
    void forgotThenResetPasswordLogsTheUserIn() {
        assertThat(client.forgotPassword(DANA).type()).isEqualTo(LoginResult.Type.OKAY);
        String resetToken = emulator().outbox().latest(DANA, OutboxMessage.Type.PASSWORD_RESET)
                .orElseThrow().token();
        assertThat(resetToken).startsWith("tpw:");

        LoginResult r = client.resetPassword(ResetPasswordRequest.builder().token(resetToken)
                .password("new-long-passphrase!").passwordConfirmation("new-long-passphrase!").build());
        assertThat(r.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(client.login(DANA, "new-long-passphrase!").isFullLogin()).isTrue();
    }

    @Test
    void updatePasswordSendsTheSessionInTheQueryOnly() {
        String session = client.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();

        LoginResult r = client.updatePassword(UpdatePasswordRequest.builder().sessionId(session)
                .currentPassword(DANA_PASSWORD).password("brand-new-pass-42").passwordConfirmation("brand-new-pass-42")
                .build());
        assertThat(r.type()).isEqualTo(LoginResult.Type.OKAY);
        RecordedRequest sent = last(emulator(), "/v2/profile/password");
        assertThat(sent.queryParam("session")).contains(session);
        assertThat(jsonBody(sent)).doesNotContainKey("session");
        assertThat(sent.body()).doesNotContain(session);
        assertThat(client.login(DANA, "brand-new-pass-42").isFullLogin()).isTrue();
    }

    @Test
    void updateProfileReturnsANewTokenWithTheChange() {
        String session = client.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();

        LoginResult r = client.updateProfile(
                UpdateProfileRequest.builder().sessionId(session).firstName("Danielle").build());
        assertThat(r.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(claims(r.token().orElseThrow()).getString("given_name")).isEqualTo("Danielle");
        RecordedRequest sent = last(emulator(), "/v2/profile");
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.queryParam("session")).contains(session);
        assertThat(jsonBody(sent)).containsOnlyKeys("first_name");
    }

    @Test
    void signupThenVerifyEmail() {
        LoginResult r = client.signup(SignupRequest.builder().email("newcomer@example.org")
                .password("quite-long-pass-77").firstName("New").lastName("Comer").build());
        assertThat(r.type()).isIn(LoginResult.Type.FULL_LOGIN, LoginResult.Type.OKAY);
        assertThat(jsonBody(last(emulator(), "/v2/signup"))).containsKeys("email", "password", "first_name", "last_name");

        String verifyToken = emulator().outbox().latest("newcomer@example.org", OutboxMessage.Type.EMAIL_VERIFICATION)
                .orElseThrow().token();
        LoginResult verified = client.verifyEmail(verifyToken);
        assertThat(verified.type()).isEqualTo(LoginResult.Type.OKAY);
        assertThat(jsonBody(last(emulator(), "/v2/email/verify")).getString("token")).isEqualTo(verifyToken);
    }

    @Test
    void requestInvitationInAnInvitationOnlyRealm() {
        RealmFixture invitationOnly = RealmFixture.builder().name("Invite").signup(SignupMode.INVITATION).build();
        try (LoginRocketEmulator e = LoginRocketEmulator.builder().realm(invitationOnly).start();
                LoginRocketClient c = clientFor(e).build()) {
            LoginResult r = c.requestInvitation("hopeful@example.org");
            assertThat(r.type()).isEqualTo(LoginResult.Type.OKAY);
            assertThat(jsonBody(last(e, "/v2/signup/request")).getString("email")).isEqualTo("hopeful@example.org");
        }
    }

    @Test
    void multiUserRealmGivesAConditionalLoginUntilAnAccountIsChosen() {
        RealmFixture multi = RealmFixture.builder().name("Teams").orgMode(OrgMode.MULTI_USER).build();
        UserFixture kai = UserFixture.builder("kai@example.org", "kai-password-99")
                .org("Alpha", "admin").org("Beta", "read").build();
        try (LoginRocketEmulator e = LoginRocketEmulator.builder().realm(multi).user(kai).start();
                LoginRocketClient c = clientFor(e).build()) {
            LoginResult r = c.login("kai@example.org", "kai-password-99");
            assertThat(r.type()).isEqualTo(LoginResult.Type.CONDITIONAL_LOGIN);
            assertThat(r.conditions()).contains("no_account_selected");
            assertThat(r.account()).isEmpty();
            assertThat(r.token()).isEmpty();
            String session = r.sessionId().orElseThrow();

            assertThat(c.getSession(session).type()).isEqualTo(LoginResult.Type.CONDITIONAL_LOGIN);
            LoginResult chosen = c.getSession(session, e.orgId("Beta"));
            assertThat(chosen.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
            assertThat(chosen.account()).contains(e.orgId("Beta"));
        }
    }

    @Test
    void verifyLoginCompletesAnMfaLogin() {
        UserFixture mfa = UserFixture.builder("mfa@example.org", "mfa-password-1").mfa(true).org("Safe").build();
        try (LoginRocketEmulator e = LoginRocketEmulator.builder().sampleRealm().user(mfa).start();
                LoginRocketClient c = clientFor(e).build()) {
            LoginResult step = c.login("mfa@example.org", "mfa-password-1");
            assertThat(step.type()).isEqualTo(LoginResult.Type.CONDITIONAL_LOGIN);
            String stepToken = step.token().orElseThrow();

            ValidationException wrong = catchThrowableOfType(
                    () -> c.verifyLogin(stepToken, "000000"), ValidationException.class);
            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.messages()).isNotEmpty();
            assertThat(wrong.getMessage()).doesNotContain(stepToken);

            LoginResult done = c.verifyLogin(VerifyLoginRequest.builder().token(stepToken)
                    .code(UserFixture.DEFAULT_TOTP_CODE).build());
            assertThat(done.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
            assertThat(jsonBody(last(e, "/v2/login/verify"))).containsOnlyKeys("token", "code");
        }
    }
}
