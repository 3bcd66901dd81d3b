package io.github.lrjakarta.it.app;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.RequiresPermission;
import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/**
 * Behind {@code loginrocket.login-required}: what the injected session says about the caller, next to what the
 * filter told the servlet layer, so the tests can see both agree.
 */
@Path("secure")
@RequestScoped
public class SecureResource {

    /** What {@link #options()} answers, followed by the caller's email or "anonymous". */
    public static final String OPTIONS_RAN = "OPTIONS ran for ";

    @Inject
    LoginRocketSession session;

    @Inject
    CurrentSession current;

    @Context
    HttpServletRequest request;

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        permissions(session).forEach(permissions::add);
        return Json.createObjectBuilder()
                .add("email", session.user().email().orElse(""))
                .add("name", session.user().name().orElse(""))
                .add("org", session.selectedMembership().flatMap(LoginRocketMembership::orgName).orElse(""))
                .add("permissions", permissions)
                .add("sameSessionAsCurrent", current.require().sessionId().equals(session.sessionId()))
                .add("remoteUser", String.valueOf(request.getRemoteUser()))
                .add("userId", session.user().id())
                .add("authType", String.valueOf(request.getAuthType()))
                .build()
                .toString();
    }

    @GET
    @Path("admin")
    @RequiresPermission("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin area for " + session.user().email().orElse("?");
    }

    /**
     * An explicit {@code OPTIONS} method, which JAX-RS runs like any other resource method: protected code that must
     * not run for an anonymous caller.
     */
    @OPTIONS
    @Path("me")
    @Produces(MediaType.TEXT_PLAIN)
    public String options() {
        return OPTIONS_RAN + current.get().flatMap(s -> s.user().email()).orElse("anonymous");
    }

    static Set<String> permissions(LoginRocketSession session) {
        return new TreeSet<>(session.selectedMembership().map(LoginRocketMembership::permissions).orElse(Set.of()));
    }
}
