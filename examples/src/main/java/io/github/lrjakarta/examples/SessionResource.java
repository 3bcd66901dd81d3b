package io.github.lrjakarta.examples;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.LoginRequired;
import io.github.lrjakarta.core.AccessDeniedException;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/session}: asks LoginRocket itself ({@code GET /v2/session} through the injected
 * {@link LoginRocketClient}) whether the caller's session is still alive. A login token is verified
 * locally and stays valid until it expires; this call sees a logout made elsewhere at once.
 *
 * @since 0.1
 */
@Path("session")
@RequestScoped
@LoginRequired
public class SessionResource {

    @Inject
    LoginRocketClient client;

    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String check() {
        String sessionId = current.require().sessionId();
        JsonObjectBuilder body = DemoJson.FACTORY.createObjectBuilder();
        try {
            LoginResult result = client.getSession(sessionId);
            body.add("active", true).add("result", result.type().name());
            addRequestId(body, result.requestId());
        } catch (AccessDeniedException e) {
            // LoginRocket answers 403 for a session that was logged out or expired.
            body.add("active", false);
            addRequestId(body, e.requestId());
        }
        return body.build().toString();
    }

    private static void addRequestId(JsonObjectBuilder body, String requestId) {
        if (requestId != null) {
            body.add("requestId", requestId);
        }
    }
}
