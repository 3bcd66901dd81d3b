package io.github.lrjakarta.examples;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/hello}: public, and personal when someone is logged in. {@link CurrentSession}
 * is the never-throwing way to ask "who is calling?".
 *
 * @since 0.1
 */
@Path("hello")
@RequestScoped
public class HelloResource {

    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        JsonObject body = DemoJson.FACTORY.createObjectBuilder()
                .add("greeting", current.get().map(HelloResource::greeting).orElse("Hello, guest"))
                .add("loggedIn", current.isAuthenticated())
                .build();
        return body.toString();
    }

    private static String greeting(LoginRocketSession session) {
        return "Hello, " + DemoJson.displayName(session.user());
    }
}
