package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.servlet.ClientForwarding;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The HTTP request the current thread is serving, and the user's {@code User-Agent} and {@code
 * Accept-Language} bound to {@link CallContext} meanwhile (lazily, through {@link ClientForwarding}).
 *
 * <p>Fed by {@link ServletEvents} from the CDI request-context events ({@code @Initialized} /
 * {@code @BeforeDestroyed(RequestScoped.class)}, whose payload is the {@code ServletRequest}),
 * which the CDI container fires from its own servlet request listener on the thread that serves
 * the request: Weld servlet on Tomcat and Jetty, Weld inside WildFly. So nothing needs to be
 * registered in {@code web.xml}, and a request is visible exactly where the request scope is
 * active.
 *
 * <p>Asynchronous requests: a container may end an async request on another thread; the entry
 * left on the first thread is then dropped (and its {@code CallContext} scope closed) when that
 * thread starts its next request.
 */
public final class CurrentRequest {

    private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {}

    /** The HTTP request of the current thread, if it is serving one. */
    public static Optional<HttpServletRequest> get() {
        Entry entry = CURRENT.get();
        return entry == null ? Optional.empty() : Optional.of(entry.request);
    }

    /**
     * A request context started on this thread. Whatever it served before is dropped first; only an
     * HTTP request payload becomes current.
     */
    static void enter(Object payload) {
        Entry stale = CURRENT.get();
        if (stale != null) {
            CURRENT.remove();
            stale.scope.close();
        }
        if (payload instanceof HttpServletRequest http) {
            CURRENT.set(new Entry(http, ClientForwarding.bind(http)));
        }
    }

    static void exit(ServletRequest request) {
        Entry entry = CURRENT.get();
        // Identity check: an async request ending on this thread must not drop the entry of the
        // request this thread is serving now.
        if (entry != null && entry.request == request) {
            CURRENT.remove();
            entry.scope.close();
        }
    }

    private static final class Entry {
        final HttpServletRequest request;
        final CallContext.Scope scope;

        Entry(HttpServletRequest request, CallContext.Scope scope) {
            this.request = request;
            this.scope = scope;
        }
    }
}
