package io.github.lrjakarta.it.smoke;

import io.github.lrjakarta.core.LoginRocketUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Proves the stack: JAX-RS resource managed by CDI, a CDI bean injected, our core jar loaded from WEB-INF/lib. */
@Path("ping")
@RequestScoped
public class PingResource {

    @Inject
    Greeter greeter;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return greeter.greet() + " " + LoginRocketUrl.parse("http://127.0.0.1:9", true).apiBase();
    }
}
