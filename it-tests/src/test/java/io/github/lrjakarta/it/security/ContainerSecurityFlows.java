package io.github.lrjakarta.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.it.HttpDriver;
import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the container's own security does with LoginRocket as its authentication, whichever standard plugs it in,
 * checked over HTTP against the security test WAR: {@code web.xml} constraints, {@code getUserPrincipal()}, {@code
 * isUserInRole()}, {@code request.authenticate()}, {@code @RolesAllowed} on JAX-RS, logout, CORS preflights ahead
 * of the constraints and hostile tokens and origins. Subclasses supply the WAR, the container they run on and the
 * tests of what only their standard or container has.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ContainerSecurityFlows {

    static final String ORIGIN = "http://localhost:3000";
    static final String DANA = "dana@example.org"; // Rivera Labs: admin
    static final String SAM = "sam@example.org"; // Kim Consulting: read
    static final String JSON = "application/json";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @ArquillianResource
    URL base;

    final HttpDriver http = new HttpDriver();
    final LoginRocketEmulator emulator = ItEmulator.get();

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpResponse<String> getAs(String user, String path) {
        return getAs(user, path, JSON);
    }

    HttpResponse<String> getAs(String user, String path, String accept) {
        return http.get(uri(path), "Accept", accept, "Authorization", "Bearer " + emulator.issueToken(user));
    }

    /** The constrained paths a logged-out caller's token no longer opens. */
    List<String> pathsClosedByLogout() {
        return List.of("admin/whoami");
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
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith(ItEmulator.URL + "/login?").contains("redirect_uri="));
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
    void requestAuthenticateAsksLoginRocket() {
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
        for (String path : pathsClosedByLogout()) {
            assertThat(http.get(uri(path), headers).statusCode()).as(path).isEqualTo(401);
        }
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
    void aPreflightFromAnotherOriginGetsNoCorsAnswer() {
        HttpResponse<String> response = http.send("OPTIONS", uri("admin/whoami"), null,
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anOptionsWithoutOriginIsNoPreflightAndMeetsTheConstraint() {
        HttpResponse<String> response = http.send("OPTIONS", uri("admin/whoami"), null,
                "Accept", JSON, "Access-Control-Request-Method", "GET");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedBearerTokenIsA401NotA500() {
        HttpResponse<String> response = http.get(uri("admin/whoami"), "Accept", JSON,
                "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c3JfeCJ9.");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
