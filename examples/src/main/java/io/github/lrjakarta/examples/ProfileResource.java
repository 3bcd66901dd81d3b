package io.github.lrjakarta.examples;

import io.github.lrjakarta.cdi.LoginRequired;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/me}: the logged-in user's profile, selected organization and permissions, as
 * the verified login token says. Without a login: 401 in the LoginRocket error shape.
 *
 * @since 0.1
 */
@Path("me")
@RequestScoped
@LoginRequired
public class ProfileResource {

    // Injecting the session itself requires a login; a JAX-RS runtime answers its absence with 401.
    @Inject
    LoginRocketSession session;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        return DemoJson.profile(session).toString();
    }
}
