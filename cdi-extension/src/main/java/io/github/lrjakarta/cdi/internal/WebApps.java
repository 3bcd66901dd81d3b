package io.github.lrjakarta.cdi.internal;

import jakarta.servlet.ServletContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Brings together the two halves that start a web application in unknown order: the CDI
 * container (the extension's {@link LoginRocketRuntime}) and the servlet context ({@link
 * WebAppInitializer}). Tomcat may run Weld servlet's initializer before or after ours; WildFly
 * boots CDI first; either way, whichever comes second connects them.
 *
 * <p>Keyed by the web application's class loader: the servlet context's, and the context class
 * loader the CDI container boots with. In a WAR this library's classes are the application's own,
 * so there is one entry; the map only matters where several applications share the class path
 * (embedded servers, tests). Should the two class loaders differ, a lone counterpart is matched
 * anyway. Thread-safe.
 */
public final class WebApps {

    private static final Map<ClassLoader, LoginRocketRuntime> RUNTIMES = new HashMap<>();
    private static final Map<ClassLoader, ServletContext> WAITING = new HashMap<>();

    private WebApps() {}

    /** The CDI container of the application of {@code key} booted: attach a servlet context that is already up. */
    public static void runtimeStarted(ClassLoader key, LoginRocketRuntime runtime) {
        ServletContext started;
        synchronized (WebApps.class) {
            RUNTIMES.put(key, runtime);
            started = WAITING.remove(key);
            if (started == null && WAITING.size() == 1) {
                started = WAITING.remove(WAITING.keySet().iterator().next());
            }
        }
        if (started != null) {
            runtime.attach(started);
        }
    }

    /** The CDI container stopped. */
    public static synchronized void runtimeStopped(ClassLoader key, LoginRocketRuntime runtime) {
        RUNTIMES.remove(key, runtime);
    }

    /**
     * The servlet context started: hand it to the CDI container if it is up (which then runs its
     * deferred checks), else keep it for the container.
     *
     * @throws io.github.lrjakarta.core.config.LoginRocketConfigException for a realm still not configured
     */
    static void webAppStarted(ServletContext context) {
        ClassLoader key = key(context);
        LoginRocketRuntime runtime;
        synchronized (WebApps.class) {
            runtime = RUNTIMES.get(key);
            // A runtime bound to another servlet context belongs to an application started before
            // on the same class loader (embedded servers; one whose deployment failed and never shut down).
            if (runtime != null && !runtime.accepts(context)) {
                RUNTIMES.remove(key);
                runtime = null;
            }
            if (runtime == null) {
                runtime = soleRuntimeAccepting(context);
            }
            if (runtime == null) {
                WAITING.put(key, context);
            }
        }
        if (runtime != null) {
            runtime.webAppStarted(context);
        }
    }

    /**
     * Should the class loaders not be the same object (a container wrapping its context class
     * loader), a WAR still has exactly one runtime: this library's classes are its own.
     */
    private static LoginRocketRuntime soleRuntimeAccepting(ServletContext context) {
        LoginRocketRuntime sole = null;
        for (LoginRocketRuntime candidate : RUNTIMES.values()) {
            if (candidate.accepts(context)) {
                if (sole != null) {
                    return null;
                }
                sole = candidate;
            }
        }
        return sole;
    }

    static synchronized void webAppStopped(ServletContext context) {
        WAITING.remove(key(context));
    }

    private static ClassLoader key(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }
}
