package io.github.lrjakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import jakarta.servlet.DispatcherType;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EnableLoginRocket} + {@link LoginRocketInitializer} in embedded Jetty: the filter with no web.xml. */
@ExtendWith(LoginRocketEmulatorExtension.class)
class LoginRocketInitializerJettyTest {

    @EnableLoginRocket(
            url = "https://compiled-in.example.com",
            allowInsecureLoopback = "true",
            loginRequired = {"/app/*", "/api/*"},
            logoutPath = "/bye",
            corsAllowedOrigins = "http://localhost:3000",
            properties = "loginrocket.cookie.name=app_token")
    static final class AnnotatedApp {}

    @EnableLoginRocket(corsMaxAge = "forever")
    static final class BadDuration {}

    @EnableLoginRocket(allowInsecureLoopback = "true", corsAllowedOrigins = "*", corsAllowCredentials = "true")
    static final class WildcardWithCredentials {}

    @EnableLoginRocket(properties = "cookie.name=x")
    static final class BadProperty {}

    @EnableLoginRocket
    static class Other {}

    static class Subclass extends Other {}

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    /** Jetty whose context has only the initializer; the realm URL comes from a context-param. */
    static FilterJetty jettyWith(Class<?>... startupClasses) throws Exception {
        return FilterJetty.start(context -> {
            context.setInitParameter("loginrocket.url", emulator.url());
            context.addServletContainerInitializer(
                    new ServletContainerInitializerHolder(LoginRocketInitializer.class, startupClasses));
        }, null);
    }

    @Test
    void theAnnotationRegistersAndConfiguresTheFilterAndContextParamsOverrideIt() throws Exception {
        try (FilterJetty jetty = jettyWith(AnnotatedApp.class, Subclass.class)) {
            assertThat(jetty.context.getServletHandler().getFilters()).extracting(FilterHolder::getName)
                    .containsExactly("LoginRocketFilter");

            HttpResponse<String> login = jetty.navigate("/app/page");
            assertThat(login.statusCode()).isEqualTo(302);
            String back = URLEncoder.encode(jetty.base + "/ctx/app/page?lr_state=", StandardCharsets.UTF_8);
            String location = login.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(emulator.url() + "/login?redirect_uri=" + back);
            String state = URLDecoder.decode(location, StandardCharsets.UTF_8).replaceAll(".*lr_state=", "");
            String stateCookie = login.headers().firstValue("set-cookie").orElseThrow().replaceAll(";.*", "");

            String token = emulator.issueToken("dana@example.org");
            HttpResponse<String> intake = jetty.navigate("/app/page?token=" + token + "&lr_state=" + state, "Cookie", stateCookie);
            assertThat(intake.statusCode()).isEqualTo(303);
            assertThat(intake.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("app_token=" + token));

            HttpResponse<String> me = jetty.api("/api/me", "Cookie", "app_token=" + token);
            assertThat(me.body()).contains("email=dana@example.org", "admin=true");

            HttpResponse<String> logout = jetty.navigate("/bye", "Cookie", "app_token=" + token, "Sec-Fetch-Site", "same-origin");
            assertThat(logout.statusCode()).isEqualTo(303);
        }
    }

    @Test
    void withoutAnAnnotatedClassNothingIsRegistered() throws Exception {
        try (FilterJetty jetty = jettyWith()) {
            assertThat(jetty.context.getServletHandler().getFilters()).isEmpty();
            assertThat(jetty.navigate("/app/page").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFilterDeclaredElsewhereWinsOverTheAnnotation() throws Exception {
        try (FilterJetty jetty = FilterJetty.start(context -> {
            FilterHolder declared = new FilterHolder(LoginRocketFilter.class);
            declared.setName("declared");
            declared.setInitParameters(Map.of("loginrocket.url", emulator.url(), "loginrocket.allow-insecure-loopback", "true"));
            context.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServletContainerInitializer(
                    new ServletContainerInitializerHolder(LoginRocketInitializer.class, AnnotatedApp.class));
        }, null)) {
            assertThat(jetty.context.getServletHandler().getFilters()).extracting(FilterHolder::getName)
                    .containsExactly("declared");
            assertThat(jetty.navigate("/app/page").statusCode()).as("declared filter has no login-required").isEqualTo(200);
        }
    }

    @Test
    void aDeclaredFilterWithoutUrlFailsInTheInitializerNotAtItsLazyInit() {
        // Undertow (WildFly) initialises filters on the first request: the initializer's check is what
        // fails the deployment there. Its message differs from the filter's own init failure.
        assertThatThrownBy(() -> FilterJetty.start(context -> {
            FilterHolder declared = new FilterHolder(LoginRocketFilter.class);
            declared.setName("declared");
            declared.setInitParameters(Map.of("loginrocket.login-required", "/app/*"));
            context.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(LoginRocketInitializer.class));
        }, null).close())
                .hasStackTraceContaining("LoginRocket configuration is invalid: loginrocket.url is missing")
                .hasStackTraceContaining("loginrocket.url is missing");
    }

    @Test
    void aDeclaredFilterIsCheckedWithItsOwnInitParams() {
        assertThatThrownBy(() -> FilterJetty.start(context -> {
            context.setInitParameter("loginrocket.url", emulator.url());
            context.setInitParameter("loginrocket.allow-insecure-loopback", "true");
            FilterHolder declared = new FilterHolder(LoginRocketFilter.class);
            declared.setName("declared");
            declared.setInitParameters(Map.of("loginrocket.cors.max-age", "forever"));
            context.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(LoginRocketInitializer.class));
        }, null).close())
                .hasStackTraceContaining("LoginRocket configuration is invalid:")
                .hasStackTraceContaining("loginrocket.cors.max-age='forever' from init-params of filter declared");
    }

    @Test
    void aBadValueFailsTheDeploymentNamingKeyAndAnnotation() {
        assertThatThrownBy(() -> jettyWith(BadDuration.class).close())
                .hasStackTraceContaining("loginrocket.cors.max-age='forever' from @EnableLoginRocket on "
                        + BadDuration.class.getName())
                .hasStackTraceContaining("PT5S");
    }

    @Test
    void wildcardOriginsWithCredentialsFailTheDeployment() {
        assertThatThrownBy(() -> jettyWith(WildcardWithCredentials.class).close())
                .hasStackTraceContaining("loginrocket.cors.allowed-origins='*' from @EnableLoginRocket on")
                .hasStackTraceContaining("loginrocket.cors.allow-credentials");
    }

    @Test
    void aMalformedPropertiesEntryFailsTheDeployment() {
        assertThatThrownBy(() -> jettyWith(BadProperty.class).close())
                .hasStackTraceContaining("properties entry 'cookie.name=x' is not of the form loginrocket.key=value");
    }

    @Test
    void theAnnotationOnTwoClassesFailsTheDeployment() {
        assertThatThrownBy(() -> jettyWith(AnnotatedApp.class, Other.class).close())
                .hasStackTraceContaining("@EnableLoginRocket is on more than one class");
    }
}
