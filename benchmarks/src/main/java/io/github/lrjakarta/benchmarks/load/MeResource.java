package io.github.lrjakarta.benchmarks.load;

import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/me}, a login-required path: the user the CDI extension's session says, as JSON.
 *
 * <p>The session is looked up through {@link Instance} so that the same class runs in the
 * baseline, where the CDI extension is not on the class path and there is no session bean: there
 * it answers a fixed user of the same length, so both applications write the same bytes.
 */
@Path("me")
@RequestScoped
public class MeResource {

    static final String BASELINE_USER = "usr_0000000000000000000000";

    @Inject
    Instance<LoginRocketSession> session;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        String user = session.isResolvable() ? session.get().user().id() : BASELINE_USER;
        return "{\"user\":\"" + user + "\"}";
    }
}
