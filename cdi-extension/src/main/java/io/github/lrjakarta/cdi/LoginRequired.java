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
 * Requires a logged-in LoginRocket user for every business method of the annotated bean, or for
 * the annotated method.
 *
 * <p>Without a {@linkplain CurrentSession current session} the call is refused before the method
 * runs. In a JAX-RS application (the JAX-RS API and an implementation visible to the application)
 * the refusal is a {@code jakarta.ws.rs.NotAuthorizedException} that carries a 401 response with
 * {@code WWW-Authenticate: Bearer} and a JSON body in the LoginRocket error shape ({@code
 * {"result":"error","error":"…","errors":["…"]}}); its cause is a {@link
 * NotAuthenticatedException}. Elsewhere the {@link NotAuthenticatedException} itself is thrown.
 *
 * <p>The interceptor is enabled for the whole application with {@code @Priority}; nothing needs to
 * be listed in {@code beans.xml}. It only applies to CDI beans: a JAX-RS resource must be managed by
 * CDI (with {@code bean-discovery-mode="annotated"}, give it a scope such as
 * {@code @RequestScoped}).
 *
 * @since 0.1
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LoginRequired {

    /** The realm whose session is required; default: the default realm. See {@link LoginRocketRealm}. */
    @Nonbinding
    String realm() default "";
}
