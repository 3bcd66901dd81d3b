package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.LoginRocketReadiness;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * The default realm's {@link LoginRocketReadiness} as a MicroProfile Health readiness check, named
 * {@code loginrocket}. Loaded only when the MicroProfile Health API is visible (see {@link
 * HealthChecks}).
 */
final class ReadinessCheck implements HealthCheck {

    static final String NAME = "loginrocket";

    private final LoginRocketReadiness readiness;

    ReadinessCheck(LoginRocketReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public HealthCheckResponse call() {
        LoginRocketReadiness.Status s = readiness.check();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("detail", s.detail());
        data.put("checkedAt", s.checkedAt().toString());
        if (s.status() != 0) {
            data.put("status", (long) s.status());
        }
        // The constructor, not HealthCheckResponse.named(...): the builder needs the implementation's
        // provider, which plain CDI containers and tests do not have.
        return new HealthCheckResponse(NAME, s.up() ? Status.UP : Status.DOWN, Optional.of(data));
    }
}
