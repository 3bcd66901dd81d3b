package io.github.lrjakarta.it.app.jakartasecurity;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An EJB guarded by the container: only callers in the group {@code admin} get in. */
@Stateless
public class AdminEjb {

    @Resource
    SessionContext context;

    @RolesAllowed("admin")
    public String callerName() {
        return context.getCallerPrincipal().getName();
    }
}
