package io.github.lrjakarta.it;

import io.github.lrjakarta.it.app.ConsoleServlet;
import io.github.lrjakarta.it.app.ProfileServlet;
import io.github.lrjakarta.it.app.PublicResource;
import io.github.lrjakarta.it.app.SecureResource;
import io.github.lrjakarta.it.app.annotated.AnnotatedApplication;
import io.github.lrjakarta.it.app.annotated.AnnotatedConsoleServlet;
import io.github.lrjakarta.it.app.annotated.AnnotatedProfileServlet;
import io.github.lrjakarta.it.app.jakartasecurity.AdminEjb;
import io.github.lrjakarta.it.app.jakartasecurity.CallerResource;
import io.github.lrjakarta.it.app.jakartasecurity.MechanismApi;
import io.github.lrjakarta.it.app.nourl.NoUrlApplication;
import io.github.lrjakarta.it.app.security.AdminResource;
import io.github.lrjakarta.it.app.security.CallerServlet;
import io.github.lrjakarta.it.app.security.SecurityApi;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test applications, one per way users configure the library. Both have the same pages and resources: {@code
 * /app/profile} (a servlet, login required), {@code /app/console} (a servlet overriding {@code service()}, login
 * required), {@code /api/secure/me} (JAX-RS {@code GET} and {@code OPTIONS}) and {@code /api/secure/admin} (JAX-RS,
 * login required; admin needs the {@code admin} permission), {@code /api/public/login} and {@code /api/public/whoami}
 * (open), and the filter's {@code /logout}.
 */
public final class TestApps {

    /** Login-required patterns, logout path: the same in both configurations. */
    public static final String LOGIN_REQUIRED = "/app/*, /api/secure/*";

    public static final String LOGOUT_PATH = "/logout";

    private TestApps() {}

    /**
     * Configured by {@code web.xml} only: {@code loginrocket.url} and {@code allow-insecure-loopback} as
     * context-params (read by the filter and the CDI extension alike, where a deployer would put them), the filter's
     * own keys as its init-params, JAX-RS mapped through the {@code jakarta.ws.rs.core.Application} servlet name.
     *
     * @param url {@code loginrocket.url}, or null to leave it out
     * @param allowedOrigins {@code loginrocket.cors.allowed-origins}
     */
    public static WebArchive webXml(String name, String url, List<String> allowedOrigins) {
        return webXml(name, url, allowedOrigins, Map.of());
    }

    /**
     * Like {@link #webXml(String, String, List)}, with more of the filter's keys as init-params.
     *
     * @param filterParams full key names ({@code loginrocket.session-intake}) and their values
     */
    public static WebArchive webXml(String name, String url, List<String> allowedOrigins,
            Map<String, String> filterParams) {
        StringBuilder extra = new StringBuilder();
        filterParams.forEach((key, value) -> extra.append(initParam(key, value)));
        String urlParam = url == null ? "" : contextParam("loginrocket.url", url);
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                  %s
                  %s
                  <filter>
                    <filter-name>LoginRocketFilter</filter-name>
                    <filter-class>io.github.lrjakarta.servlet.LoginRocketFilter</filter-class>
                    %s
                    %s
                    %s
                    %s
                    %s
                  </filter>
                  <filter-mapping>
                    <filter-name>LoginRocketFilter</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>profile</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>profile</servlet-name>
                    <url-pattern>/app/profile</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>console</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>console</servlet-name>
                    <url-pattern>/app/console</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>jakarta.ws.rs.core.Application</servlet-name>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>jakarta.ws.rs.core.Application</servlet-name>
                    <url-pattern>/api/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(
                urlParam,
                contextParam("loginrocket.allow-insecure-loopback", "true"),
                initParam("loginrocket.login-required", LOGIN_REQUIRED),
                initParam("loginrocket.logout-path", LOGOUT_PATH),
                initParam("loginrocket.cors.allowed-origins", String.join(", ", allowedOrigins)),
                initParam("loginrocket.cors.allow-credentials", "true"),
                extra,
                ProfileServlet.class.getName(),
                ConsoleServlet.class.getName());
        return Wars.war(name)
                .addClasses(ProfileServlet.class, ConsoleServlet.class, SecureResource.class, PublicResource.class)
                .setWebXML(new StringAsset(webXml));
    }

    /** Configured by annotations only, no {@code web.xml}: {@link AnnotatedApplication} says it all. */
    public static WebArchive annotated(String name) {
        return Wars.war(name)
                .addClasses(AnnotatedApplication.class, AnnotatedProfileServlet.class, ProfileServlet.class)
                .addClasses(AnnotatedConsoleServlet.class, ConsoleServlet.class)
                .addClasses(SecureResource.class, PublicResource.class);
    }

    /** An annotation-configured WAR whose {@code @EnableLoginRocket} has no {@code url}. */
    public static WebArchive annotatedWithoutUrl(String name) {
        return Wars.war(name)
                .addClasses(NoUrlApplication.class, AnnotatedProfileServlet.class, ProfileServlet.class)
                .addClasses(SecureResource.class, PublicResource.class);
    }

    /**
     * A user of the filter alone (no CDI extension in the WAR), configured in {@code web.xml}, who forgot {@code
     * loginrocket.url}.
     */
    public static WebArchive filterOnlyWithoutUrl(String name) {
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>LoginRocketFilter</filter-name>
                    <filter-class>io.github.lrjakarta.servlet.LoginRocketFilter</filter-class>
                    %s
                  </filter>
                  <filter-mapping>
                    <filter-name>LoginRocketFilter</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                </web-app>
                """.formatted(initParam("loginrocket.login-required", LOGIN_REQUIRED));
        return Wars.war(name, false).addClasses(ProfileServlet.class).setWebXML(new StringAsset(webXml));
    }

    /**
     * Container security through Jakarta Authentication (Tomcat): no filter, one context-param {@code
     * loginrocket.jakarta-authentication=true}, and the application's own {@code web.xml} constraints: {@code
     * /admin/*} needs the role (permission) {@code admin}, {@code /member/*} any logged-in user ({@code **}), {@code
     * /open/*} nothing; JAX-RS under {@code /api/*} ({@link SecurityApi}) with Jersey's {@code RolesAllowedDynamicFeature}, {@code
     * /api/roles/*} also a {@code loginrocket.login-required} path (so anonymous scripts get 401, not Jersey's 403).
     */
    public static WebArchive containerSecurity(String name, String url, List<String> allowedOrigins) {
        String webXml = securedWebXml(
                contextParam("loginrocket.jakarta-authentication", "true")
                + securedAppParams(url, allowedOrigins));
        return Wars.war(name, false)
                .addClasses(CallerServlet.class, AdminResource.class, SecurityApi.class)
                .setWebXML(new StringAsset(webXml));
    }

    /**
     * Container security through Jakarta Security (WildFly): no filter, {@link MechanismApi} carries {@code
     * @LoginRocketAuthenticationMechanismDefinition}, and the same {@code web.xml} constraints and context-params as
     * {@link #containerSecurity}; RESTEasy's role-based security ({@code resteasy.role.based.security}) for {@code
     * @RolesAllowed} on {@link CallerResource}, which also calls the {@code @RolesAllowed} EJB {@link AdminEjb}. The
     * server needs {@code WildFlySecuritySetup}.
     */
    public static WebArchive jakartaSecurity(String name, String url, List<String> allowedOrigins) {
        String webXml = securedWebXml(
                contextParam("resteasy.role.based.security", "true")
                + securedAppParams(url, allowedOrigins));
        return Wars.war(name)
                .addClasses(CallerServlet.class, MechanismApi.class, CallerResource.class, AdminEjb.class)
                .setWebXML(new StringAsset(webXml));
    }

    private static String securedAppParams(String url, List<String> allowedOrigins) {
        return contextParam("loginrocket.url", url)
                + contextParam("loginrocket.allow-insecure-loopback", "true")
                + contextParam("loginrocket.login-required", "/api/roles/*")
                + contextParam("loginrocket.logout-path", LOGOUT_PATH)
                + contextParam("loginrocket.cors.allowed-origins", String.join(", ", allowedOrigins))
                + contextParam("loginrocket.cors.allow-credentials", "true");
    }

    /**
     * {@code /admin/*} needs the role (permission) {@code admin}, {@code /member/*} any logged-in user ({@code **}),
     * {@code /open/*} nothing; {@link CallerServlet} answers on all three.
     */
    private static String securedWebXml(String contextParams) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  %s
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/admin/whoami</url-pattern>
                    <url-pattern>/member/whoami</url-pattern>
                    <url-pattern>/open/whoami</url-pattern>
                  </servlet-mapping>
                  <security-constraint>
                    <web-resource-collection><web-resource-name>admin</web-resource-name><url-pattern>/admin/*</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>admin</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection><web-resource-name>member</web-resource-name><url-pattern>/member/*</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <security-role><role-name>admin</role-name></security-role>
                  <security-role><role-name>read</role-name></security-role>
                </web-app>
                """.formatted(contextParams, CallerServlet.class.getName());
    }

    private static String contextParam(String name, String value) {
        return "<context-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></context-param>";
    }

    private static String initParam(String name, String value) {
        return "<init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>";
    }
}
