package io.github.lrjakarta.it.app.jakartasecurity;

import io.github.lrjakarta.cdi.LoginRocketAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * JAX-RS under {@code /api}, and the one line that makes LoginRocket the application's Jakarta Security mechanism.
 * RESTEasy's {@code @RolesAllowed} is switched on by the {@code resteasy.role.based.security} context-param.
 */
@ApplicationPath("api")
@LoginRocketAuthenticationMechanismDefinition
public class MechanismApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(CallerResource.class);
    }
}
