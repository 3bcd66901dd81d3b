package io.github.lrjakarta.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a logged-in LoginRocket user whose selected membership (org) grants a permission,
 * for every business method of the annotated bean, or for the annotated method. An annotation on
 * the method wins over one on the class.
 *
 * <p>Without a session the call is refused as for {@link LoginRequired} (401). With a session
 * whose {@link io.github.lrjakarta.core.LoginRocketSession#hasPermission(String) selected
 * membership} lacks the permission it is refused with 403: in a JAX-RS application a {@code
 * jakarta.ws.rs.ForbiddenException} carrying a 403 response with a JSON body in the LoginRocket
 * error shape (cause: {@link PermissionDeniedException}); elsewhere the {@link
 * PermissionDeniedException} itself.
 *
 * <pre>{@code
 * @Path("admin") @RequestScoped
 * public class AdminResource {
 *     @GET @RequiresPermission("admin") public String stats() { ... }
 * }
 * }</pre>
 *
 * <p>Enabled globally with {@code @Priority}; applies to CDI beans only (see {@link LoginRequired}).
 *
 * @since 0.1
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {

    /** The permission the selected membership must grant, e.g. {@code "admin"}. */
    @Nonbinding
    String value();

    /** The realm whose session is checked; default: the default realm. See {@link LoginRocketRealm}. */
    @Nonbinding
    String realm() default "";
}
