package io.github.lrjakarta.cdi.internal;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Optional;

/**
 * Finds the binding annotation that brought an interceptor into play, with its member values
 * (permission, realm).
 *
 * <p>Weld hands the resolved bindings over in the context data (also covering bindings inherited
 * through stereotypes); elsewhere the method, then the target's class hierarchy are read, so an
 * annotation on the method wins over one on the class.
 */
final class InterceptorBindings {

    /** {@code org.jboss.weld.interceptor.WeldInvocationContext.INTERCEPTOR_BINDINGS_KEY}. */
    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";

    private InterceptorBindings() {}

    static <A extends Annotation> Optional<A> find(InvocationContext context, Class<A> type) {
        Method method = context.getMethod();
        if (method != null && method.isAnnotationPresent(type)) {
            return Optional.of(method.getAnnotation(type));
        }
        Object weld = context.getContextData().get(WELD_BINDINGS);
        if (weld instanceof Collection<?>) {
            for (Object binding : (Collection<?>) weld) {
                if (type.isInstance(binding)) {
                    return Optional.of(type.cast(binding));
                }
            }
        }
        Object target = context.getTarget();
        for (Class<?> c = target == null ? null : target.getClass(); c != null; c = c.getSuperclass()) {
            A found = c.getAnnotation(type);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
