package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@EnableWeld
@SuppressWarnings("try") // a SimulatedRequest is a scope: its body runs "inside the request"
@ExtendWith(LoginRocketEmulatorExtension.class)
class InterceptorsTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(TestConfig.weldOn(emulator, Guarded.class, GuardedByClass.class))
            .activate(RequestScoped.class)
            .build();

    @Inject
    BeanManager beanManager;

    @Inject
    Guarded guarded;

    @Inject
    GuardedByClass guardedByClass;

    @Test
    void withoutLoginTheCallIsRefusedWith401InTheLoginRocketErrorShape() {
        assertThat(guarded.open()).isEqualTo("open");
        assertThatThrownBy(guarded::hello)
                .isInstanceOf(NotAuthorizedException.class)
                .hasCauseInstanceOf(NotAuthenticatedException.class)
                .satisfies(e -> {
                    Response response = ((NotAuthorizedException) e).getResponse();
                    assertThat(response.getStatus()).isEqualTo(401);
                    assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
                    assertThat(response.getMediaType().toString()).startsWith("application/json");
                    assertThat(response.getEntity())
                            .isEqualTo("{\"result\":\"error\",\"error\":\"Login required.\",\"errors\":[\"Login required.\"]}");
                });
        assertThatThrownBy(guarded::admin).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void loggedInUserWithThePermissionPasses() {
        try (SimulatedRequest r = as("dana@example.org")) {
            assertThat(guarded.hello()).isEqualTo("hello");
            assertThat(guarded.admin()).isEqualTo("admin");
            assertThat(guardedByClass.adminStuff()).isEqualTo("admin stuff");
        }
    }

    @Test
    void loggedInUserWithoutThePermissionIsRefusedWith403() {
        try (SimulatedRequest r = as("sam@example.org")) {
            assertThat(guarded.hello()).isEqualTo("hello");
            assertThatThrownBy(guarded::admin)
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> {
                        Response response = ((ForbiddenException) e).getResponse();
                        assertThat(response.getStatus()).isEqualTo(403);
                        assertThat((String) response.getEntity()).contains("\"error\":\"Permission 'admin' required.\"");
                    })
                    .cause()
                    .isInstanceOfSatisfying(PermissionDeniedException.class, p -> assertThat(p.permission())
                            .isEqualTo("admin"));
        }
    }

    @Test
    void methodBindingWinsOverClassBinding() {
        try (SimulatedRequest r = as("sam@example.org")) {
            assertThat(guardedByClass.readStuff()).isEqualTo("read stuff");
            assertThatThrownBy(guardedByClass::adminStuff).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void realmMemberSelectsTheRealmsSession() {
        try (SimulatedRequest r = as("sam@example.org")) {
            assertThat(guarded.partnersOnly()).isEqualTo("partners");
        }
    }

    @Test
    void refusalNamesTheRealm() {
        assertThatThrownBy(guarded::partnersOnly)
                .isInstanceOf(NotAuthorizedException.class)
                .cause()
                .isInstanceOfSatisfying(NotAuthenticatedException.class, n -> assertThat(n.realm()).contains("partners"));
    }

    private SimulatedRequest as(String email) {
        return SimulatedRequest.withBearer(beanManager, emulator.issueToken(email));
    }
}
