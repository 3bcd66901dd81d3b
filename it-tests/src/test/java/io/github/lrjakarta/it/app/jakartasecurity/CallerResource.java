package io.github.lrjakarta.it.app.jakartasecurity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;

/**
 * What the container's security says about the caller, three ways: RESTEasy's {@code @RolesAllowed} with JAX-RS's
 * {@code SecurityContext}, Jakarta Security's {@code SecurityContext}, and an EJB's {@code @RolesAllowed}.
 */
@Path("roles")
@RequestScoped
public class CallerResource {

    @Inject
    SecurityContext security;

    @Inject
    AdminEjb ejb;

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public String admin(@Context jakarta.ws.rs.core.SecurityContext jaxrs) {
        return "{\"admin\":\"" + jaxrs.getUserPrincipal().getName() + "\"}";
    }

    /** No role needed here: the EJB decides, and its refusal becomes a 403 that says so. */
    @GET
    @Path("ejb")
    @Produces(MediaType.TEXT_PLAIN)
    public Response ejb() {
        try {
            return Response.ok("ejb-caller=" + ejb.callerName()).build();
        } catch (EJBAccessException e) {
            return Response.status(Response.Status.FORBIDDEN).entity("refused by the EJB").build();
        }
    }

    @GET
    @Path("caller")
    @Produces(MediaType.TEXT_PLAIN)
    public String caller() {
        Principal principal = security.getCallerPrincipal();
        return "caller=" + (principal == null ? "" : principal.getName())
                + ";admin=" + security.isCallerInRole("admin")
                + ";read=" + security.isCallerInRole("read");
    }
}
