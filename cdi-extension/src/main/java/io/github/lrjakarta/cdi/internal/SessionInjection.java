package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.CurrentSession;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Where a {@code LoginRocketSession} may be injected. The bean is {@code @Dependent}: it is resolved
 * once, when its holder is created, and the holder keeps it. So the holder must not outlive the
 * request, and the only holder CDI guarantees that for is a {@code @RequestScoped} bean. Everything
 * else is refused: {@code @Dependent} beans (stateless and singleton EJBs, interceptors, helpers,
 * whose holder may be application scoped), longer scopes, and the instances the container creates
 * itself (servlets, filters, listeners, WebSocket endpoints), each of which would hand the first
 * user's session to every later user.
 *
 * <p>Lookups ({@code Instance<LoginRocketSession>}, {@code Provider}, {@code CDI.current()}) resolve
 * on every call and are always allowed: what the caller does with the result is its own choice.
 *
 * <p>Checked twice: for every injection point the container reports while it deploys (a definition
 * error), and again whenever the bean is created, because containers inject the instances they
 * create themselves at run time, where no deployment check sees them.
 */
public final class SessionInjection {

    private SessionInjection() {}

    /**
     * @param injectionPoint where the session is about to go; {@code null} for a programmatic lookup
     * @return why it may not, naming the injection point and the fix; empty if it may
     */
    public static Optional<String> refusal(InjectionPoint injectionPoint) {
        if (injectionPoint == null || isLookup(injectionPoint)) {
            return Optional.empty();
        }
        Bean<?> holder = injectionPoint.getBean();
        if (holder != null && holder.getScope() == RequestScoped.class) {
            return Optional.empty();
        }
        return Optional.of("LoginRocketSession cannot be injected into " + describe(injectionPoint)
                + " (" + describe(holder) + "): it is resolved once, when its holder is created, and this holder"
                + " may serve later requests, and other users, with it. Inject " + CurrentSession.class.getSimpleName()
                + " (request scoped, proxied) and call require(), or make the bean @RequestScoped.");
    }

    /**
     * A lookup through an injected {@code Instance} or {@code Provider}, or a programmatic one ({@code
     * CDI.current()}, {@code BeanManager}), whose injection point stands for no field or parameter.
     */
    private static boolean isLookup(InjectionPoint injectionPoint) {
        Annotated annotated = injectionPoint.getAnnotated();
        if (injectionPoint.getMember() == null || annotated == null) {
            return true;
        }
        Type type = annotated.getBaseType();
        Type raw = type instanceof ParameterizedType ? ((ParameterizedType) type).getRawType() : type;
        return raw == Instance.class || raw == Provider.class;
    }

    /** {@code com.example.Holder.field}, {@code com.example.Holder.method(parameter 1)}. */
    private static String describe(InjectionPoint injectionPoint) {
        Member member = injectionPoint.getMember();
        String owner = member.getDeclaringClass().getName();
        String where = member instanceof java.lang.reflect.Constructor ? owner : owner + "." + member.getName();
        if (injectionPoint.getAnnotated() instanceof AnnotatedParameter) {
            where += "(parameter " + ((AnnotatedParameter<?>) injectionPoint.getAnnotated()).getPosition() + ")";
        }
        return where;
    }

    private static String describe(Bean<?> holder) {
        if (holder == null) {
            return "a servlet, filter, listener, WebSocket endpoint or other instance the container creates itself";
        }
        if (holder instanceof jakarta.enterprise.inject.spi.Interceptor) {
            return "an interceptor";
        }
        String scope = holder.getScope().getSimpleName();
        String article = "aeiouAEIOU".indexOf(scope.charAt(0)) >= 0 ? "an @" : "a @";
        if (holder.getScope() == Dependent.class) {
            return article + scope + " bean: an EJB, a servlet or other component the container manages, or a"
                    + " helper, whatever holds it";
        }
        return article + scope + " bean";
    }
}
