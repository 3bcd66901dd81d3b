package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.cdi.LoginRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Open to any logged-in user; knows nothing of the session itself. */
@Path("guarded")
@RequestScoped
public class GuardedResource {

    @GET
    @LoginRequired
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }
}
