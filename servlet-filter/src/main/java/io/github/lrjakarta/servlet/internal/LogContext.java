package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Puts the logged-in user's id ({@value #USER_KEY}) and the request id of the latest LoginRocket
 * call ({@value #REQUEST_ID_KEY}) into the application's logging context (MDC) while the filter
 * serves a request, so that every log line of that request can name them: JBoss Logging's MDC when
 * present (WildFly, where SLF4J lands in the same context), else SLF4J's. Never a token or session
 * id. Without either library it does nothing and costs a field read per request.
 *
 * <p>As a {@link LoginRocketListener} on the filter's client it records the request id of each call
 * made on a thread that is inside {@link #open()}; calls on other threads are left alone, so pool
 * threads never carry a request id into unrelated log lines. Thread-safe.
 */
public final class LogContext implements LoginRocketListener {

    /** MDC key of the user id ({@code usr_…}). */
    public static final String USER_KEY = "loginrocket.user";
    /** MDC key of LoginRocket's {@code X-Request-ID} of the latest call during the request. */
    public static final String REQUEST_ID_KEY = "loginrocket.requestId";

    private static final System.Logger LOG = System.getLogger(LogContext.class.getName());

    /** The put/remove pair of one MDC implementation. */
    public interface Mdc {
        void put(String key, String value);

        void remove(String key);
    }

    /** Closes what {@link #open()} started; the no-op one allocates nothing. */
    public interface Scope extends AutoCloseable {
        /** Names the request's user, if it has one. */
        void user(LoginRocketSession session);

        @Override
        void close();
    }

    private static final Scope NOTHING = new Scope() {
        @Override
        public void user(LoginRocketSession session) {}

        @Override
        public void close() {}
    };

    private final Mdc mdc;
    private final ThreadLocal<Boolean> inRequest = new ThreadLocal<>();
    private final Scope scope = new Scope() {
        @Override
        public void user(LoginRocketSession session) {
            if (session != null) {
                mdc.put(USER_KEY, session.user().id());
            }
        }

        @Override
        public void close() {
            inRequest.remove();
            mdc.remove(USER_KEY);
            mdc.remove(REQUEST_ID_KEY);
        }
    };

    private LogContext(Mdc mdc) {
        this.mdc = mdc;
    }

    /** With the MDC found through {@code loader} (the web application's), or inactive without one. */
    public static LogContext detect(ClassLoader loader) {
        Mdc found = reflective(loader, "org.jboss.logging.MDC", Object.class);
        if (found == null) {
            found = reflective(loader, "org.slf4j.MDC", String.class);
        }
        return new LogContext(found);
    }

    /** With a given MDC (tests, or an application's own). */
    public static LogContext with(Mdc mdc) {
        return new LogContext(mdc);
    }

    /** Whether an MDC was found; only then is it worth registering as a listener. */
    public boolean active() {
        return mdc != null;
    }

    /**
     * Starts the context of one request on this thread; close it when the request leaves the filter.
     * Allocates nothing: the state is the thread's, so one scope object serves every request.
     */
    public Scope open() {
        if (mdc == null) {
            return NOTHING;
        }
        inRequest.set(Boolean.TRUE);
        return scope;
    }

    @Override
    public void callCompleted(CallEvent event) {
        if (event.requestId() != null && inRequest.get() != null) {
            mdc.put(REQUEST_ID_KEY, event.requestId());
        }
    }

    private static Mdc reflective(ClassLoader loader, String className, Class<?> valueType) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle put = lookup.findStatic(type, "put", MethodType.methodType(
                    valueType == Object.class ? Object.class : void.class, String.class, valueType));
            MethodHandle remove = lookup.findStatic(type, "remove", MethodType.methodType(void.class, String.class));
            LOG.log(Level.DEBUG, "LoginRocket log context uses {0}", className);
            return new Mdc() {
                @Override
                public void put(String key, String value) {
                    invoke(put, key, value);
                }

                @Override
                public void remove(String key) {
                    invoke(remove, key, null);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static void invoke(MethodHandle handle, String key, String value) {
        try {
            if (value == null) {
                handle.invoke(key);
            } else {
                handle.invoke(key, value);
            }
        } catch (Throwable t) {
            // a logging back end that fails must not fail the request
            LOG.log(Level.DEBUG, "MDC update failed: " + t.getClass().getName());
        }
    }
}
