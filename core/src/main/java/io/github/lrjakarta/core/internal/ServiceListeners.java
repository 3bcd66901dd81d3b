package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.event.LoginRocketListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The listeners an application registers in {@code
 * META-INF/services/io.github.lrjakarta.core.event.LoginRocketListener}, found through the thread's
 * context class loader (the web application's in a container). A listener that cannot be loaded is
 * logged and skipped: monitoring must not stop a deployment.
 */
public final class ServiceListeners {

    private static final System.Logger LOG = System.getLogger(ServiceListeners.class.getName());

    private ServiceListeners() {}

    /** The registered listeners, freshly instantiated, in the order found. */
    public static List<LoginRocketListener> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ServiceListeners.class.getClassLoader();
        }
        List<LoginRocketListener> found = new ArrayList<>();
        try {
            for (LoginRocketListener l : ServiceLoader.load(LoginRocketListener.class, loader)) {
                found.add(l);
            }
        } catch (ServiceConfigurationError e) {
            LOG.log(Level.WARNING, "A LoginRocket listener registered in META-INF/services could not be loaded; "
                    + "continuing without it: " + e.getMessage());
        }
        return found;
    }
}
