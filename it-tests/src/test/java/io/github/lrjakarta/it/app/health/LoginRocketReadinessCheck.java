package io.github.lrjakarta.it.app.health;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * LoginRocket's readiness as the application's own {@code @Readiness} bean, as the README shows for WildFly: the
 * extension's built-in check lives in a bean archive WildFly's MicroProfile Health does not look into.
 */
@Readiness
@ApplicationScoped
public class LoginRocketReadinessCheck implements HealthCheck {

    /** Short, so that the test sees LoginRocket go away within a second (the shortest allowed); the default (30 s) suits a real probe. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    @Inject
    LoginRocketClient client;

    private volatile LoginRocketReadiness readiness; // built on the first probe, once the configuration is complete

    @Override
    public HealthCheckResponse call() {
        if (readiness == null) {
            readiness = LoginRocketReadiness.builder(client).interval(INTERVAL).build();
        }
        LoginRocketReadiness.Status s = readiness.check();
        return HealthCheckResponse.named("loginrocket").status(s.up()).withData("detail", s.detail()).build();
    }
}
