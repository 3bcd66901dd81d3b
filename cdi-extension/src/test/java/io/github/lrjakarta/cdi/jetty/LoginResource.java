package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Logs a user in through the injected client and hands back the login token. */
@Path("login")
@RequestScoped
public class LoginResource {

    @Inject
    LoginRocketClient client;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String login(@FormParam("email") String email, @FormParam("password") String password) {
        LoginResult result = client.login(email, password);
        return result.token().orElseThrow();
    }
}
