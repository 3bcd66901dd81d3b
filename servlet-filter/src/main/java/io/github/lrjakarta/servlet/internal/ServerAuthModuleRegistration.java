package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.servlet.ContainerGroups;
import io.github.lrjakarta.servlet.CorsPolicy;
import io.github.lrjakarta.servlet.LoginRocketAuthentication;
import io.github.lrjakarta.servlet.LoginRocketServerAuthModule;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registers a {@link LoginRocketServerAuthModule} for one application with the container's
 * Jakarta Authentication factory, and removes it (closing the pipeline) when the application
 * stops. Kept apart from the initializer so that Jakarta Authentication classes are loaded only
 * when the module is asked for: containers without them still deploy the filter.
 */
public final class ServerAuthModuleRegistration implements ServletContextListener {

    private final LoginRocketAuthentication authentication;
    private final String registrationId;

    private ServerAuthModuleRegistration(LoginRocketAuthentication authentication, String registrationId) {
        this.authentication = authentication;
        this.registrationId = registrationId;
    }

    /** Whether the container offers Jakarta Authentication to the application. */
    public static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName("jakarta.security.auth.message.config.AuthConfigFactory", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Builds the module from the application's configuration and registers it for {@code context}.
     *
     * @throws io.github.lrjakarta.core.config.LoginRocketConfigException for a bad configuration
     * @throws IllegalStateException if the container has no Jakarta Authentication factory
     */
    public static void register(LoginRocketConfig config, ServletContext context) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory == null) {
            throw new IllegalStateException("the container has no Jakarta Authentication factory");
        }
        CorsPolicy cors = CorsPolicy.from(config);
        ContainerGroups groups = ContainerGroups.from(config);
        LoginRocketAuthentication authentication = LoginRocketAuthentication.builder().config(config).build();
        String id;
        try {
            id = factory.registerServerAuthModule(new LoginRocketServerAuthModule(authentication, cors, groups), context);
        } catch (RuntimeException e) {
            authentication.close();
            throw e;
        }
        context.addListener(new ServerAuthModuleRegistration(authentication, id));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory != null && registrationId != null) {
            factory.removeRegistration(registrationId);
        }
        authentication.close();
    }
}
