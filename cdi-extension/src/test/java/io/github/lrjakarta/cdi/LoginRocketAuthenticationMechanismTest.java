package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.servlet.LoginRocketPrincipal;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jakarta Security mechanism as the container calls it: configured from the application's
 * context-params, reporting the LoginRocket user and the selected org's permissions.
 */
@ExtendWith(LoginRocketEmulatorExtension.class)
class LoginRocketAuthenticationMechanismTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    /** What the container was told. */
    final List<Object[]> logins = new ArrayList<>();

    HttpMessageContext context(boolean isProtected) {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpMessageContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isProtected" -> isProtected;
                    case "isAuthenticationRequest" -> false;
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        logins.add(args);
                        yield AuthenticationStatus.SUCCESS;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static ServletContext servletContext() {
        return FakeHttp.context(Map.of(
                "loginrocket.url", emulator.url(),
                "loginrocket.allow-insecure-loopback", "true",
                "loginrocket.max-attempts", "1")).asServletContext();
    }

    static HttpServletRequest request(String authorization) {
        FakeHttp.Request request = FakeHttp.request("GET", "https://shop.example.com/orders").servletContext(servletContext());
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(LoginRocketAuthenticationMechanismTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new AssertionError("nothing should be written, but " + method.getName() + " was called");
                });
    }

    @Test
    void aSessionIsReportedAsCallerWithTheSelectedOrgsPermissions() throws Exception {
        LoginRocketAuthenticationMechanism mechanism = new LoginRocketAuthenticationMechanism();
        String token = emulator.issueToken("dana@example.org");

        AuthenticationStatus status = mechanism.validateRequest(request("Bearer " + token), response(), context(true));

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(logins).hasSize(1);
        assertThat(((Principal) logins.get(0)[0])).isInstanceOf(LoginRocketPrincipal.class)
                .extracting(Principal::getName).isEqualTo(emulator.userId("dana@example.org"));
        assertThat(logins.get(0)[1]).isEqualTo(Set.of("admin"));
        mechanism.close();
    }

    @Test
    void withoutCredentialsOnAnOpenResourceTheContainerIsToldNothing() throws Exception {
        LoginRocketAuthenticationMechanism mechanism = new LoginRocketAuthenticationMechanism();

        AuthenticationStatus status = mechanism.validateRequest(request(null), response(), context(false));

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(logins).isEmpty();
        mechanism.close();
    }
}
