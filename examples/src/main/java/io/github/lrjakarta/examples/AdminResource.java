package io.github.lrjakarta.examples;

import io.github.lrjakarta.cdi.RequiresPermission;
import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin/report}: only for users whose selected organization grants {@code admin}
 * (Dana in the sample realm); anyone else logged in gets 403, nobody logged in 401.
 *
 * @since 0.1
 */
@Path("admin")
@RequestScoped
public class AdminResource {

    @Inject
    LoginRocketSession session;

    @GET
    @Path("report")
    @RequiresPermission("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public String report() {
        String org = session.selectedMembership().flatMap(LoginRocketMembership::orgName).orElse("your organization");
        return DemoJson.FACTORY.createObjectBuilder()
                .add("report", "Admin report for " + org)
                .add("requestedBy", DemoJson.displayName(session.user()))
                .build()
                .toString();
    }
}
