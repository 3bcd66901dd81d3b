package io.github.lrjakarta.it.app.nourl;

import io.github.lrjakarta.servlet.EnableLoginRocket;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An annotation-configured application that forgot {@code url}: its deployment must fail, saying so. */
@ApplicationPath("/api")
@EnableLoginRocket(loginRequired = "/app/*", allowInsecureLoopback = "true")
public class NoUrlApplication extends Application {}
