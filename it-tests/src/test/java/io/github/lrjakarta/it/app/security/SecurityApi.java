package io.github.lrjakarta.it.app.security;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** JAX-RS under {@code /api} with Jersey's role-based security switched on, as a Tomcat user would. */
@ApplicationPath("api")
public class SecurityApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
