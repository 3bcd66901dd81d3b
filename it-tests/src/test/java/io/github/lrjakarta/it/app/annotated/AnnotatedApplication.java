package io.github.lrjakarta.it.app.annotated;

import io.github.lrjakarta.it.ItEmulator;
import io.github.lrjakarta.servlet.EnableLoginRocket;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The whole configuration of the annotation-configured WAR (it has no web.xml): JAX-RS at /api and LoginRocket
 * through {@link EnableLoginRocket}.
 */
@ApplicationPath("/api")
@EnableLoginRocket(
        url = ItEmulator.URL,
        allowInsecureLoopback = "true",
        loginRequired = {"/app/*", "/api/secure/*"},
        logoutPath = "/logout",
        corsAllowedOrigins = {AnnotatedApplication.ALLOWED_ORIGIN},
        corsAllowCredentials = "true")
public class AnnotatedApplication extends Application {

    /** The one origin the annotation allows; tests send it and a foreign one. */
    public static final String ALLOWED_ORIGIN = "http://localhost:3000";
}
