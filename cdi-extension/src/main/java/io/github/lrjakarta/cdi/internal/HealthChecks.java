package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketReadiness;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds the {@code @Readiness} check for LoginRocket when the application has MicroProfile Health
 * (WildFly, Open Liberty, Payara); does nothing, and loads no MicroProfile class, otherwise.
 */
public final class HealthChecks {

    private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());
    private static final String PROBE = "org.eclipse.microprofile.health.Readiness";

    private HealthChecks() {}

    /** Adds the readiness bean for the default realm if MicroProfile Health is visible to {@code loader}. */
    public static void addIfAvailable(AfterBeanDiscovery event, LoginRocketRuntime runtime, ClassLoader loader) {
        try {
            Class.forName(PROBE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "MicroProfile Health not present: no LoginRocket readiness check");
            return;
        }
        Registration.add(event, runtime);
    }

    /** Separate so that {@link HealthChecks} itself never links against MicroProfile Health. */
    private static final class Registration {
        static void add(AfterBeanDiscovery event, LoginRocketRuntime runtime) {
            event.<HealthCheck>addBean()
                    .types(HealthCheck.class, Object.class)
                    .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .id("io.github.lrjakarta.cdi#readiness")
                    .produceWith(lookup -> new ReadinessCheck(LoginRocketReadiness
                            .builder(lookup.select(LoginRocketClient.class).get())
                            .interval(runtime.config(RealmName.DEFAULT).getDuration(LoginRocketKeys.HEALTH_INTERVAL))
                            .build()));
        }
    }
}
