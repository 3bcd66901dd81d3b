package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.NotAuthenticatedException;
import io.github.lrjakarta.cdi.PermissionDeniedException;
import java.lang.System.Logger.Level;

/**
 * Builds the exceptions that refuse a call: with JAX-RS usable, a {@code WebApplicationException}
 * carrying a finished 401/403 response in the LoginRocket error shape (so resources need no
 * exception mapper), caused by our plain exception; without JAX-RS, the plain exception.
 *
 * <p>"Usable" means the JAX-RS API is visible to this library's class loader and a JAX-RS
 * implementation answers {@code RuntimeDelegate.getInstance()}; it is decided on the first refusal
 * and then kept. Thread-safe.
 */
public final class Denials {

    private static final System.Logger LOG = System.getLogger(Denials.class.getName());
    private static final String JAXRS_PROBE = "jakarta.ws.rs.ext.RuntimeDelegate";

    private volatile Boolean jaxrs;

    /** Decides by looking at the class path on the first refusal. */
    public Denials() {}

    /** For tests: fixes whether JAX-RS exceptions are thrown. */
    Denials(boolean jaxrs) {
        this.jaxrs = jaxrs;
    }

    /** No session where one is required. */
    public RuntimeException notAuthenticated(RealmName realm) {
        NotAuthenticatedException plain = new NotAuthenticatedException(realm.name().orElse(null), "Login required.");
        return jaxrsUsable() ? JaxRsDenials.unauthorized(plain) : plain;
    }

    /** A session whose selected membership lacks {@code permission}. */
    public RuntimeException permissionDenied(RealmName realm, String permission) {
        PermissionDeniedException plain = new PermissionDeniedException(
                realm.name().orElse(null), permission, "Permission '" + permission + "' required.");
        return jaxrsUsable() ? JaxRsDenials.forbidden(plain) : plain;
    }

    private boolean jaxrsUsable() {
        Boolean known = jaxrs;
        if (known == null) {
            known = probe();
            jaxrs = known;
        }
        return known;
    }

    private static boolean probe() {
        try {
            Class.forName(JAXRS_PROBE, false, Denials.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "JAX-RS API not visible; refusals are thrown as plain exceptions");
            return false;
        }
        try {
            JaxRsDenials.checkImplementation();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, "JAX-RS API without an implementation; refusals are thrown as plain exceptions", e);
            return false;
        }
    }
}
