package io.github.lrjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.cdi.NotAuthenticatedException;
import io.github.lrjakarta.cdi.PermissionDeniedException;
import jakarta.ws.rs.NotAuthorizedException;
import org.junit.jupiter.api.Test;

class DenialsTest {

    @Test
    void withoutJaxRsThePlainExceptionsAreThrown() {
        Denials denials = new Denials(false);
        assertThat(denials.notAuthenticated(RealmName.of("partners")))
                .isExactlyInstanceOf(NotAuthenticatedException.class)
                .hasMessage("Login required.")
                .satisfies(e -> assertThat(((NotAuthenticatedException) e).realm()).contains("partners"));
        assertThat(denials.permissionDenied(RealmName.DEFAULT, "admin"))
                .isExactlyInstanceOf(PermissionDeniedException.class)
                .hasMessage("Permission 'admin' required.")
                .satisfies(e -> assertThat(((PermissionDeniedException) e).realm()).isEmpty());
    }

    @Test
    void jaxRsIsDetectedFromTheClassPath() {
        // Jersey is on the test class path.
        assertThat(new Denials().notAuthenticated(RealmName.DEFAULT)).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void errorBodyEscapesTheMessage() {
        assertThat(ErrorBody.json("Permission 'a\"b' required."))
                .isEqualTo("{\"result\":\"error\",\"error\":\"Permission 'a\\\"b' required.\","
                        + "\"errors\":[\"Permission 'a\\\"b' required.\"]}");
    }
}
