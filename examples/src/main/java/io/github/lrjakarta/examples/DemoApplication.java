package io.github.lrjakarta.examples;

import io.github.lrjakarta.servlet.EnableLoginRocket;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The demo's JAX-RS application, and the place where the LoginRocket filter is switched on without
 * {@code web.xml}.
 *
 * <p>The annotation holds what is the same in every deployment of this application: which paths
 * need a login, where logout is, that the partner front end may send cookies. What differs per
 * deployment (the realm's URL, the allowed origins) comes from context-params that {@link Demo}
 * sets, exactly as a {@code <context-param>} in {@code web.xml} or a {@code LOGINROCKET_URL}
 * environment variable would; those sources win over the annotation.
 *
 * <ul>
 *   <li>{@code /signin} needs a login: a browser without a session is sent to LoginRocket's login
 *       page and comes back there with {@code ?token=}, which the filter takes, stores in its
 *       cookie and strips from the URL.
 *   <li>{@code /logout} ends the LoginRocket session, clears the cookie and returns to {@code /}.
 *   <li>The API under {@code /api} is public for the filter; its resources require a login (or a
 *       permission) with the CDI extension's interceptors, so they answer a script with 401/403
 *       in the LoginRocket error shape.
 * </ul>
 *
 * @since 0.1
 */
@ApplicationPath("api")
@EnableLoginRocket(
        loginRequired = "/signin",
        logoutPath = "/logout",
        logoutRedirect = "/",
        corsAllowCredentials = "true")
public class DemoApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HelloResource.class, ProfileResource.class, SessionResource.class, AdminResource.class);
    }
}
