package io.github.lrjakarta.it.app;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Open to anyone: a login through the injected client, and an optional view of the caller. */
@Path("public")
@RequestScoped
public class PublicResource {

    @Inject
    LoginRocketClient client;

    @Inject
    CurrentSession current;

    /** Logs in at LoginRocket (the emulator) from inside the container and hands the login token back. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@FormParam("email") String email, @FormParam("password") String password) {
        try {
            LoginResult result = client.login(email, password);
            return Response.ok(Json.createObjectBuilder()
                            .add("result", result.type().name())
                            .add("token", result.token().orElse(""))
                            .build()
                            .toString())
                    .build();
        } catch (LoginRocketException e) {
            return Response.status(e.status())
                    .entity(Json.createObjectBuilder()
                            .add("error", e.getClass().getSimpleName())
                            .add("messages", Json.createArrayBuilder(e.messages()))
                            .build()
                            .toString())
                    .build();
        }
    }

    @GET
    @Path("whoami")
    @Produces(MediaType.TEXT_PLAIN)
    public String whoami() {
        return current.get().flatMap(s -> s.user().email()).orElse("anonymous");
    }
}
