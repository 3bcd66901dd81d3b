package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.LoginRequired;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@link LoginRequired}. Enabled application-wide by its priority, early in the library
 * band so that a refused call never reaches other interceptors (transactions, validation). Added by
 * the extension; never discovered (see {@code LoginRocketExtension}).
 */
@Interceptor
@LoginRequired
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class LoginRequiredInterceptor {

    private final Instance<CurrentSession> sessions;

    @Inject
    LoginRequiredInterceptor(@Any Instance<CurrentSession> sessions) {
        this.sessions = sessions;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        String realm = InterceptorBindings.find(context, LoginRequired.class)
                .map(LoginRequired::realm)
                .orElse("");
        sessions.select(RealmName.of(realm).qualifier()).get().require();
        return context.proceed();
    }
}
