package io.github.lrjakarta.cdi.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletRequest;

/**
 * Hooks into the web application's life through the CDI context events, so that nothing has to be
 * registered in {@code web.xml}: the container fires them from its own servlet listener, with the
 * {@code ServletRequest} / {@code ServletContext} as payload (CDI 4.0, section 6.7). Added by the
 * extension; never discovered.
 */
public class ServletEvents {

    /**
     * Every request-context start, not only servlet ones: a context activated by other means
     * ({@code @ActivateRequestContext}, payload not a {@code ServletRequest}) must not see a request
     * this thread served earlier and whose end was signalled elsewhere (an async request).
     */
    static void requestStarted(@Observes @Initialized(RequestScoped.class) Object payload) {
        CurrentRequest.enter(payload);
    }

    static void requestEnding(@Observes @BeforeDestroyed(RequestScoped.class) ServletRequest request) {
        CurrentRequest.exit(request);
    }

    /**
     * First of all observers, so that beans created by the application's own startup observers
     * already see the context-params.
     */
    static void applicationStarted(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object payload,
            LoginRocketRuntime runtime) {
        runtime.applicationStarted(payload);
    }
}
