package io.github.lrjakarta.it.app.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code @RolesAllowed} on JAX-RS, enforced by the framework from the container's caller and groups. */
@Path("roles")
public class AdminResource {

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public String admin(@Context SecurityContext security) {
        return "{\"admin\":\"" + security.getUserPrincipal().getName() + "\"}";
    }
}
