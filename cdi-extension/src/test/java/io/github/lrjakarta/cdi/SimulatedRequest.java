package io.github.lrjakarta.cdi;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Fires the request-context events a web container's CDI integration fires around a servlet
 * request (payload: the request), as Weld servlet does; the request context itself is activated by
 * the test (weld-junit {@code activate(RequestScoped.class)}).
 */
final class SimulatedRequest implements AutoCloseable {

    private final BeanManager beanManager;
    private final HttpServletRequest request;

    private SimulatedRequest(BeanManager beanManager, HttpServletRequest request) {
        this.beanManager = beanManager;
        this.request = request;
        beanManager.getEvent().select(Initialized.Literal.REQUEST).fire(request);
    }

    static SimulatedRequest start(BeanManager beanManager, FakeHttpRequest request) {
        return new SimulatedRequest(beanManager, request.build());
    }

    @Override
    public void close() {
        beanManager.getEvent().select(BeforeDestroyed.Literal.REQUEST).fire(request);
    }
}
