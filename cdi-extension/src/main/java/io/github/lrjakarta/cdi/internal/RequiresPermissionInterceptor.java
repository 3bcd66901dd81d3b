package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.RequiresPermission;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@link RequiresPermission}: 401 without a session, 403 when the selected membership
 * lacks the permission. Runs right after {@link LoginRequiredInterceptor}. If the permission cannot
 * be determined (a binding the container does not report), the call is refused: fail closed.
 */
@Interceptor
@RequiresPermission("")
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 20)
public class RequiresPermissionInterceptor {

    private final Instance<CurrentSession> sessions;

    @Inject
    RequiresPermissionInterceptor(@Any Instance<CurrentSession> sessions) {
        this.sessions = sessions;
    }

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        RequiresPermission binding = InterceptorBindings.find(context, RequiresPermission.class)
                .orElseThrow(() -> new IllegalStateException(
                        "@RequiresPermission not found on " + context.getMethod() + "; refusing the call"));
        sessions.select(RealmName.of(binding.realm()).qualifier()).get().requirePermission(binding.value());
        return context.proceed();
    }
}
