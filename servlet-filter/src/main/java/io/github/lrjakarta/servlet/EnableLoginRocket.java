package io.github.lrjakarta.servlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on the {@link LoginRocketFilter} without {@code web.xml}: put it on any class of the web
 * application (an application or configuration class), and {@link LoginRocketInitializer}
 * registers and configures the filter when the application starts.
 *
 * <pre>{@code
 * @EnableLoginRocket(url = "https://example.e2.loginrocket.com",
 *         loginRequired = {"/app/*", "/api/*"},
 *         logoutPath = "/logout",
 *         corsAllowedOrigins = "https://app.example.com")
 * public class MyApplication extends jakarta.ws.rs.core.Application {}
 * }</pre>
 *
 * <p>Each attribute sets the {@code loginrocket.*} key named in its javadoc at the lowest
 * precedence of all sources: system properties, environment ({@code LOGINROCKET_URL}), JNDI
 * {@code java:comp/env} and context-params override it, so a value compiled in can be changed per
 * deployment. An empty attribute (the default) sets nothing. Values are text and are checked like
 * values from any other source: a bad one fails the deployment with a message naming the key and
 * this annotation. Keys without an attribute go in {@link #properties()}. There is deliberately no
 * attribute for {@code loginrocket.jwt.key}: secrets do not belong in source code.
 *
 * <p>Only one class per application may carry this annotation.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnableLoginRocket {

    /** {@code loginrocket.url}: the realm's LoginRocket URL. */
    String url() default "";

    /** {@code loginrocket.allow-insecure-loopback}: {@code "true"} allows plain http to a loopback address. */
    String allowInsecureLoopback() default "";

    /** {@code loginrocket.locale}: default {@code Accept-Language} for calls. */
    String locale() default "";

    /** {@code loginrocket.user-agent}: the application's part of the {@code User-Agent}. */
    String userAgent() default "";

    /** {@code loginrocket.connect-timeout}, e.g. {@code "2s"}. */
    String connectTimeout() default "";

    /** {@code loginrocket.response-timeout}, e.g. {@code "5s"}. */
    String responseTimeout() default "";

    /** {@code loginrocket.jwt.issuer}. */
    String jwtIssuer() default "";

    /** {@code loginrocket.jwt.leeway}. */
    String jwtLeeway() default "";

    /** {@code loginrocket.jwt.realm}: the expected realm id {@code rl_…}. */
    String jwtRealm() default "";

    /** {@code loginrocket.login-required}: path patterns that need a login. */
    String[] loginRequired() default {};

    /** {@code loginrocket.logout-path}. */
    String logoutPath() default "";

    /** {@code loginrocket.logout-redirect}. */
    String logoutRedirect() default "";

    /** {@code loginrocket.cookie.name}. */
    String cookieName() default "";

    /** {@code loginrocket.cors.allowed-origins}. */
    String[] corsAllowedOrigins() default {};

    /** {@code loginrocket.cors.allowed-methods}. */
    String[] corsAllowedMethods() default {};

    /** {@code loginrocket.cors.allowed-headers}. */
    String[] corsAllowedHeaders() default {};

    /** {@code loginrocket.cors.exposed-headers}. */
    String[] corsExposedHeaders() default {};

    /** {@code loginrocket.cors.allow-credentials}: {@code "true"} or {@code "false"}. */
    String corsAllowCredentials() default "";

    /** {@code loginrocket.cors.max-age}, e.g. {@code "10m"}. */
    String corsMaxAge() default "";

    /** {@code loginrocket.cors.reject-disallowed}: {@code "true"} or {@code "false"}. */
    String corsRejectDisallowed() default "";

    /** {@code loginrocket.cors.allow-private-network}: {@code "true"} or {@code "false"}. */
    String corsAllowPrivateNetwork() default "";

    /**
     * Any other key, as {@code "loginrocket.key=value"} ({@code "loginrocket.refresh-before=2m"}).
     * An attribute above wins over the same key here.
     */
    String[] properties() default {};

    /** The URL patterns the filter is mapped to. Default: everything. */
    String[] urlPatterns() default {"/*"};

    /** The filter's registration name. */
    String filterName() default "LoginRocketFilter";
}
