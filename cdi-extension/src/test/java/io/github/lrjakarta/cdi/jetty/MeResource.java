package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The logged-in user's e-mail and org, from the injected session (which requires a login). */
@Path("me")
@RequestScoped
public class MeResource {

    @Inject
    LoginRocketSession session;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        return Json.createObjectBuilder()
                .add("email", session.user().email().orElse(""))
                .add("org", session.selectedMembership().flatMap(LoginRocketMembership::orgName).orElse(""))
                .build()
                .toString();
    }
}
