package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Names the logged-in user and the request id of the latest LoginRocket call while the filter
 * serves a request, so that log lines of that request can show them: always as request attributes
 * ({@value #USER_ATTRIBUTE}, {@value #REQUEST_ID_ATTRIBUTE}), which a container's access log can
 * print, and also in the application's logging context (MDC, keys {@value #USER_KEY} and {@value
 * #REQUEST_ID_KEY}) when it has one: JBoss Logging's when present (WildFly, where SLF4J lands in the
 * same context), else SLF4J's. Never a token or session id; a request id that is not a short run of
 * visible ASCII is left out, since not every log layout escapes what it prints.
 *
 * <p>As a {@link LoginRocketListener} on the filter's client it records the request id of each call
 * made on a thread that is between {@link #open} and {@link #close}; calls on other threads are
 * left alone, so pool threads never carry a request id into unrelated log lines.
 *
 * <p>Cost, since this runs on every request: one thread-local lookup and a few writes into a
 * per-thread array that lives as long as the thread; no allocation and no MDC call for a request
 * without a user and without LoginRocket calls. (Setting and removing a thread-local per request
 * would allocate a map entry each time, and clearing MDC keys that were never put costs a call into
 * the logging library.) The array holds only JDK types once a request leaves, so pooled threads pin
 * no application class loader after an undeploy. Thread-safe.
 */
public final class LogContext implements LoginRocketListener {

    /** MDC key of the user id ({@code usr_…}). */
    public static final String USER_KEY = "loginrocket.user";
    /** MDC key of LoginRocket's {@code X-Request-ID} of the latest call during the request. */
    public static final String REQUEST_ID_KEY = "loginrocket.requestId";
    /** Request attribute of the user id: {@link LoginRocketFilter#USER_ID_ATTRIBUTE}. */
    public static final String USER_ATTRIBUTE = LoginRocketFilter.USER_ID_ATTRIBUTE;
    /** Request attribute of the request id: {@link LoginRocketFilter#REQUEST_ID_ATTRIBUTE}. */
    public static final String REQUEST_ID_ATTRIBUTE = LoginRocketFilter.REQUEST_ID_ATTRIBUTE;

    /** Longer request ids are not put anywhere: LoginRocket's are far shorter, and a log line is no place for a blob. */
    static final int MAX_REQUEST_ID_LENGTH = 128;

    private static final System.Logger LOG = System.getLogger(LogContext.class.getName());

    /** The put/remove pair of one MDC implementation. */
    public interface Mdc {
        void put(String key, String value);

        void remove(String key);
    }

    /** Indexes into a thread's slots: the request being served (null outside), and whether each MDC key was put. */
    private static final int REQUEST = 0;
    private static final int USER_PUT = 1;
    private static final int REQUEST_ID_PUT = 2;

    /** Null when the application has no MDC. */
    private final Mdc mdc;
    private final ThreadLocal<Object[]> slots = new ThreadLocal<>();

    private LogContext(Mdc mdc) {
        this.mdc = mdc;
    }

    /** With the MDC found through {@code loader} (the web application's), or request attributes only without one. */
    public static LogContext detect(ClassLoader loader) {
        Mdc found = reflective(loader, "org.jboss.logging.MDC", Object.class);
        if (found == null) {
            found = reflective(loader, "org.slf4j.MDC", String.class);
        }
        return new LogContext(found);
    }

    /** With a given MDC (tests, or an application's own); null for request attributes only. */
    public static LogContext with(Mdc mdc) {
        return new LogContext(mdc);
    }

    /** Whether an MDC was found; without one the values are request attributes only. */
    public boolean hasMdc() {
        return mdc != null;
    }

    /**
     * Starts the context of one request on this thread. Hand what it returns to {@link #user} and
     * {@link #close} (in a {@code finally}) when the request leaves the filter: the caller holds the
     * thread's slots, so closing needs no second thread-local lookup.
     *
     * @param request the request the filter serves (the container's, so that its access log sees the attributes)
     * @return the thread's slots, or null when a context is already open on this thread (a filter
     *     mapped for FORWARD too runs again inside itself): the outer pass owns the context
     */
    public Object[] open(HttpServletRequest request) {
        Object[] s = slots.get();
        if (s == null) {
            s = new Object[3];
            slots.set(s);
        } else if (s[REQUEST] != null) {
            return null;
        }
        s[REQUEST] = request;
        return s;
    }

    /** Names the request's user; {@code opened} is what {@link #open} returned. */
    public void user(Object[] opened, LoginRocketSession session) {
        if (opened == null || session == null) {
            return;
        }
        String id = session.user().id();
        ((HttpServletRequest) opened[REQUEST]).setAttribute(USER_ATTRIBUTE, id);
        if (mdc != null) {
            mdc.put(USER_KEY, id);
            opened[USER_PUT] = Boolean.TRUE;
        }
    }

    /** Ends the context {@link #open} started, removing only the MDC keys that were put; {@code opened} is what it returned. */
    public void close(Object[] opened) {
        if (opened == null) {
            return;
        }
        if (opened[USER_PUT] != null) {
            mdc.remove(USER_KEY);
        }
        if (opened[REQUEST_ID_PUT] != null) {
            mdc.remove(REQUEST_ID_KEY);
        }
        opened[REQUEST] = null;
        opened[USER_PUT] = null;
        opened[REQUEST_ID_PUT] = null;
    }

    @Override
    public void callCompleted(CallEvent event) {
        String requestId = event.requestId();
        if (requestId == null) {
            return;
        }
        Object[] s = slots.get();
        if (s == null || s[REQUEST] == null || !isPrintable(requestId)) {
            return;
        }
        ((HttpServletRequest) s[REQUEST]).setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        if (mdc != null) {
            mdc.put(REQUEST_ID_KEY, requestId);
            s[REQUEST_ID_PUT] = Boolean.TRUE;
        }
    }

    /** 1 to {@value #MAX_REQUEST_ID_LENGTH} visible ASCII characters: nothing that could forge or break a log line. */
    static boolean isPrintable(String requestId) {
        int n = requestId.length();
        if (n == 0 || n > MAX_REQUEST_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = requestId.charAt(i);
            if (c <= ' ' || c >= 127) {
                return false;
            }
        }
        return true;
    }

    private static Mdc reflective(ClassLoader loader, String className, Class<?> valueType) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> putReturns = valueType == Object.class ? Object.class : void.class;
            // Adapted once to (String, String)void so that each call is an invokeExact, without a
            // type conversion looked up per call.
            MethodHandle put = lookup.findStatic(type, "put", MethodType.methodType(putReturns, String.class, valueType))
                    .asType(MethodType.methodType(void.class, String.class, String.class));
            MethodHandle remove = lookup.findStatic(type, "remove", MethodType.methodType(void.class, String.class));
            LOG.log(Level.DEBUG, "LoginRocket log context uses {0}", className);
            return new Mdc() {
                @Override
                public void put(String key, String value) {
                    try {
                        put.invokeExact(key, value);
                    } catch (Throwable t) {
                        failed(t);
                    }
                }

                @Override
                public void remove(String key) {
                    try {
                        remove.invokeExact(key);
                    } catch (Throwable t) {
                        failed(t);
                    }
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** A logging back end that fails must not fail the request. */
    private static void failed(Throwable t) {
        LOG.log(Level.DEBUG, "MDC update failed: " + t.getClass().getName());
    }
}
