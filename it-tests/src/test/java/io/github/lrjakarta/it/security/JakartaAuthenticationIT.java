package io.github.lrjakarta.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.HttpDriver;
import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.it.TestApps;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container's own security from LoginRocket through {@code LoginRocketServerAuthModule} (Jakarta
 * Authentication), registered by one context-param: {@code web.xml} constraints, {@code getUserPrincipal()},
 * {@code isUserInRole()}, {@code request.authenticate()}, Jersey's {@code @RolesAllowed}, logout and CORS
 * preflights ahead of the constraints. Tomcat only: Jetty's Jakarta Authentication module does not resolve at the
 * Jetty version the it-tests use, and WildFly has Jakarta Security instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.container", matches = "tomcat")
class JakartaAuthenticationIT {

    static final String ORIGIN = "http://localhost:3000";
    static final String DANA = "dana@example.org"; // Rivera Labs: admin
    static final String SAM = "sam@example.org"; // Kim Consulting: read
    static final String JSON = "application/json";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApps.containerSecurity("lr-jaspic", ItEmulator.get().url(), List.of(ORIGIN));
    }

    @ArquillianResource
    URL base;

    final HttpDriver http = new HttpDriver();
    final LoginRocketEmulator emulator = ItEmulator.get();

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpResponse<String> getAs(String user, String path) {
        return http.get(uri(path), "Accept", JSON, "Authorization", "Bearer " + emulator.issueToken(user));
    }

    @Test
    void anonymousScriptOnAConstrainedPathGets401() {
        HttpResponse<String> response = http.get(uri("admin/whoami"), "Accept", JSON);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anonymousBrowserOnAConstrainedPathIsSentToTheLoginPage() {
        HttpResponse<String> response = http.get(uri("admin/whoami"), "Accept", HTML);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("redirect_uri="));
    }

    @Test
    void aUserWithoutThePermissionGetsTheContainers403() {
        assertThat(getAs(SAM, "admin/whoami").statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithThePermissionIsTheContainersCaller() {
        HttpResponse<String> response = getAs(DANA, "admin/whoami");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("principal=" + emulator.userId(DANA)
                + ";class=LoginRocketPrincipal;admin=true;read=false");
    }

    @Test
    void anyLoggedInUserPassesADoubleStarConstraint() {
        HttpResponse<String> response = getAs(SAM, "member/whoami");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("principal=" + emulator.userId(SAM) + ";").endsWith(";admin=false;read=true");
        assertThat(http.get(uri("member/whoami"), "Accept", JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void anOpenPathServesAnonymousAndLoggedInCallersAlike() {
        assertThat(http.get(uri("open/whoami"), "Accept", JSON).body()).startsWith("principal=;");
        assertThat(getAs(DANA, "open/whoami").body()).startsWith("principal=" + emulator.userId(DANA) + ";");
    }

    @Test
    void requestAuthenticateAsksTheModule() {
        assertThat(http.get(uri("open/whoami?authenticate"), "Accept", JSON).statusCode()).isEqualTo(401);
        HttpResponse<String> loggedIn = getAs(DANA, "open/whoami?authenticate");
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.body()).startsWith("principal=" + emulator.userId(DANA) + ";");
    }

    @Test
    void rolesAllowedOnJaxRsUsesTheSameGroups() {
        assertThat(http.get(uri("api/roles/admin"), "Accept", JSON).statusCode()).isEqualTo(401);
        assertThat(getAs(SAM, "api/roles/admin").statusCode()).isEqualTo(403);
        HttpResponse<String> admin = getAs(DANA, "api/roles/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("{\"admin\":\"" + emulator.userId(DANA) + "\"}");
    }

    @Test
    void logoutEndsTheCallersAccess() {
        String token = emulator.issueToken(DANA);
        String[] headers = {"Accept", JSON, "Authorization", "Bearer " + token};
        assertThat(http.get(uri("admin/whoami"), headers).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = http.send("POST", uri("logout"), null, headers);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(http.get(uri("admin/whoami"), headers).statusCode()).isEqualTo(401);
    }

    @Test
    void aPreflightToAConstrainedPathGetsItsCorsAnswer() {
        HttpResponse<String> response = http.send("OPTIONS", uri("admin/whoami"), null,
                "Origin", ORIGIN,
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        assertThat(response.statusCode()).isIn(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void anOptionsWithoutOriginIsNoPreflightAndMeetsTheConstraint() {
        HttpResponse<String> response = http.send("OPTIONS", uri("admin/whoami"), null,
                "Accept", JSON, "Access-Control-Request-Method", "GET");

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
