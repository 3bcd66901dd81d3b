package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.config.ConfigSources;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.OrgMode;
import io.github.lrjakarta.testkit.RealmFixture;
import io.github.lrjakarta.testkit.UserFixture;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module as a Jakarta Authentication container drives it: {@code initialize}, then {@code
 * validateRequest} per request with the container's "mandatory" flag, the caller and groups
 * reported through the container's callback handler.
 */
class LoginRocketServerAuthModuleTest {

    static final String APP_ORIGIN = "https://app.example.com";

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = LoginRocketEmulator.builder()
                .realm(RealmFixture.builder().name("Teams").orgMode(OrgMode.MULTI_USER).build())
                .user(UserFixture.builder("lee@example.org", "lee-password-1")
                        .org("Park Studio", "admin").org("Acme Partners", "read").build())
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** What the container learns through its callback handler. */
    static final class RecordingHandler implements javax.security.auth.callback.CallbackHandler {
        final List<Callback> callbacks = new ArrayList<>();

        @Override
        public void handle(Callback[] given) {
            callbacks.addAll(List.of(given));
        }

        String caller() {
            return callbacks.stream().filter(CallerPrincipalCallback.class::isInstance)
                    .map(c -> ((CallerPrincipalCallback) c).getPrincipal().getName()).findFirst().orElse(null);
        }

        List<String> groups() {
            return callbacks.stream().filter(GroupPrincipalCallback.class::isInstance)
                    .flatMap(c -> List.of(((GroupPrincipalCallback) c).getGroups()).stream()).toList();
        }
    }

    record Message(FakeHttp.Request request, FakeHttp.Response response, Map<String, Object> map) implements MessageInfo {
        static Message of(FakeHttp.Request request, boolean mandatory) {
            Map<String, Object> map = new HashMap<>();
            if (mandatory) {
                map.put("jakarta.security.auth.message.MessagePolicy.isMandatory", "true");
            }
            return new Message(request, FakeHttp.response(), map);
        }

        @Override public Object getRequestMessage() { return request; }
        @Override public Object getResponseMessage() { return response; }
        @Override public void setRequestMessage(Object request) { throw new UnsupportedOperationException(); }
        @Override public void setResponseMessage(Object response) { throw new UnsupportedOperationException(); }
        @Override @SuppressWarnings("rawtypes") public Map getMap() { return map; }
    }

    final RecordingHandler container = new RecordingHandler();

    LoginRocketServerAuthModule module(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.logout-path", "/logout",
                "loginrocket.cors.allowed-origins", APP_ORIGIN,
                "loginrocket.cors.allow-credentials", "true",
                "loginrocket.max-attempts", "1"));
        keys.putAll(extra);
        LoginRocketConfig config = LoginRocketConfig.builder().source(ConfigSources.of("test", 100, keys)).build();
        LoginRocketAuthentication pipeline = LoginRocketAuthentication.builder().config(config).clock(emulator.clock()).build();
        LoginRocketServerAuthModule sam = new LoginRocketServerAuthModule(pipeline, CorsPolicy.from(config), ContainerGroups.from(config));
        sam.initialize(null, null, container, Map.of());
        return sam;
    }

    static FakeHttp.Request withToken(String token) {
        return FakeHttp.request("GET", "http://127.0.0.1/admin/page").header("Authorization", "Bearer " + token);
    }

    @Test
    void aSessionBecomesTheCallerWithTheSelectedOrgsPermissionsAsGroups() throws Exception {
        String token = emulator.issueToken("lee@example.org", emulator.orgId("Park Studio"));

        AuthStatus status = module(Map.of()).validateRequest(Message.of(withToken(token), true), new Subject(), null);

        assertThat(status).isEqualTo(AuthStatus.SUCCESS);
        assertThat(container.caller()).isEqualTo(emulator.userId("lee@example.org"));
        assertThat(container.groups()).containsExactly("admin");
    }

    @Test
    void anotherOrgsPermissionsNeverLeakIntoTheGroups() throws Exception {
        String acme = emulator.orgId("Acme Partners");
        String token = emulator.issueToken("lee@example.org", acme);

        module(Map.of()).validateRequest(Message.of(withToken(token), true), new Subject(), null);

        assertThat(container.groups()).containsExactly("read").doesNotContain("admin");
    }

    @Test
    void aPrefixAndTheOrgAsGroupAreConfigurable() throws Exception {
        String acme = emulator.orgId("Acme Partners");
        String token = emulator.issueToken("lee@example.org", acme);

        module(Map.of("loginrocket.group-prefix", "perm:", "loginrocket.org-group", "true"))
                .validateRequest(Message.of(withToken(token), true), new Subject(), null);

        assertThat(container.groups()).containsExactly("perm:read", acme);
    }

    @Test
    void withoutASessionOnAPublicPathTheRequestGoesOnAnonymous() throws Exception {
        Message message = Message.of(FakeHttp.request("GET", "http://127.0.0.1/public"), false);

        AuthStatus status = module(Map.of()).validateRequest(message, new Subject(), null);

        assertThat(status).isEqualTo(AuthStatus.SUCCESS);
        assertThat(container.callbacks).isEmpty();
        assertThat(message.response().getStatus()).isEqualTo(200);
    }

    @Test
    void whereTheContainerRequiresAuthenticationAScriptGets401AndABrowserTheLoginPage() throws Exception {
        LoginRocketServerAuthModule sam = module(Map.of());
        Message script = Message.of(FakeHttp.request("GET", "http://127.0.0.1/admin/page").header("Accept", "application/json"), true);
        Message browser = Message.of(FakeHttp.request("GET", "http://127.0.0.1/admin/page").header("Accept", "text/html"), true);

        assertThat(sam.validateRequest(script, new Subject(), null)).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(sam.validateRequest(browser, new Subject(), null)).isEqualTo(AuthStatus.SEND_CONTINUE);

        assertThat(script.response().getStatus()).isEqualTo(401);
        assertThat(browser.response().getStatus()).isEqualTo(302);
        assertThat(browser.response().getHeader("Location")).contains("redirect_uri=");
        assertThat(container.callbacks).isEmpty();
    }

    @Test
    void aForgedTokenIsRefusedWithoutTellingTheContainerAnything() throws Exception {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfYWRtaW4ifQ.c2lnbmF0dXJl";
        Message message = Message.of(withToken(forged).header("Accept", "application/json"), true);

        AuthStatus status = module(Map.of()).validateRequest(message, new Subject(), null);

        assertThat(status).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(message.response().getStatus()).isEqualTo(401);
        assertThat(message.response().body()).doesNotContain(forged);
        assertThat(container.callbacks).isEmpty();
    }

    @Test
    void aPreflightToAProtectedPathGetsItsCorsAnswerBeforeAnyConstraint() throws Exception {
        FakeHttp.Request preflight = FakeHttp.request("OPTIONS", "http://127.0.0.1/admin/page")
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "DELETE");
        Message message = Message.of(preflight, true);

        AuthStatus status = module(Map.of()).validateRequest(message, new Subject(), null);

        assertThat(status).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(message.response().getStatus()).isIn(200, 204);
        assertThat(message.response().getHeader("Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
        assertThat(message.response().getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(container.callbacks).isEmpty();
    }

    @Test
    void anOptionsRequestWithoutAnOriginIsNoPreflightAndNeedsALogin() throws Exception {
        Message message = Message.of(FakeHttp.request("OPTIONS", "http://127.0.0.1/admin/page")
                .header("Access-Control-Request-Method", "DELETE"), true);

        AuthStatus status = module(Map.of()).validateRequest(message, new Subject(), null);

        assertThat(status).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(message.response().getStatus()).isEqualTo(401);
    }
}
