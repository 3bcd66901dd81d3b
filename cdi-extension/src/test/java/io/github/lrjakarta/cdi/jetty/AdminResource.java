package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Only for members whose selected org grants "admin". */
@Path("admin")
@RequestScoped
public class AdminResource {

    @Inject
    CurrentSession current;

    @GET
    @RequiresPermission("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin " + current.require().user().id();
    }
}
