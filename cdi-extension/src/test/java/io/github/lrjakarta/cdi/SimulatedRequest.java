package io.github.lrjakarta.cdi;

import io.github.lrjakarta.servlet.testing.FakeHttp;
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

    /** A GET of an application page, for a test to add headers to. */
    static FakeHttp.Request page() {
        return FakeHttp.request("GET", "https://app.example.com/");
    }

    /** A request carrying {@code Authorization: Bearer <token>}. */
    static SimulatedRequest withBearer(BeanManager beanManager, String token) {
        return start(beanManager, page().bearer(token));
    }

    static SimulatedRequest start(BeanManager beanManager, HttpServletRequest request) {
        return new SimulatedRequest(beanManager, request);
    }

    @Override
    public void close() {
        beanManager.getEvent().select(BeforeDestroyed.Literal.REQUEST).fire(request);
    }
}
