package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An injected {@code LoginRocketSession} is resolved once, when its holder is created: so only a
 * {@code @RequestScoped} holder may have one. Every holder that can outlive the request, and so serve
 * the next user with the first user's session, is refused with a message that names the injection
 * point and the fix.
 */
@SuppressWarnings("try") // a SimulatedRequest is a scope: its body runs "inside the request"
@ExtendWith(LoginRocketEmulatorExtension.class)
class SessionInjectionTest {

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    // ------------------------------------------------------------------ beans: refused at deployment

    @Dependent
    static class Helper {
        @Inject
        LoginRocketSession session;
    }

    @ApplicationScoped
    static class HoldsAHelper {
        @Inject
        Helper helper;
    }

    /** Weld SE has no EJB container: this is a managed bean, @Dependent, exactly as a stateless EJB's CDI scope is. */
    @Stateless
    static class StatelessEjb {
        @Inject
        LoginRocketSession session;
    }

    @jakarta.ejb.Singleton
    static class SingletonEjb {
        @Inject
        LoginRocketSession session;
    }

    @jakarta.inject.Singleton
    static class SingletonBean {
        @Inject
        LoginRocketSession session;
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Audited {}

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    static class AuditInterceptor {
        @Inject
        LoginRocketSession session;

        @AroundInvoke
        Object audit(InvocationContext context) throws Exception {
            return context.proceed();
        }
    }

    @ApplicationScoped
    static class ConstructorInjection {
        @Inject
        ConstructorInjection(LoginRocketSession session) {}

        ConstructorInjection() {}
    }

    private static Weld weld(Class<?>... beans) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new LoginRocketExtension(TestConfig.of(Map.of("loginrocket.url", "https://a.example.com"))))
                .addBeanClasses(beans);
    }

    private static void assertRefusedAtDeployment(String injectionPoint, String holder, Class<?>... beans) {
        Weld weld = weld(beans);
        try {
            assertThatThrownBy(weld::initialize)
                    .isInstanceOf(DefinitionException.class)
                    .hasMessageContaining("LoginRocketSession cannot be injected into " + injectionPoint)
                    .hasMessageContaining(holder)
                    .hasMessageContaining("Inject CurrentSession");
        } finally {
            weld.shutdown();
        }
    }

    @Test
    void dependentHelperIsRefusedWhateverHoldsIt() {
        assertRefusedAtDeployment(Helper.class.getName() + ".session", "a @Dependent bean",
                Helper.class, HoldsAHelper.class);
    }

    @Test
    void statelessEjbIsRefused() {
        assertRefusedAtDeployment(StatelessEjb.class.getName() + ".session", "a @Dependent bean",
                StatelessEjb.class);
    }

    @Test
    void singletonEjbIsRefused() {
        assertRefusedAtDeployment(SingletonEjb.class.getName() + ".session", "a @Dependent bean",
                SingletonEjb.class);
    }

    @Test
    void singletonBeanIsRefused() {
        assertRefusedAtDeployment(SingletonBean.class.getName() + ".session", "a @Singleton bean",
                SingletonBean.class);
    }

    @Test
    void interceptorIsRefused() {
        assertRefusedAtDeployment(AuditInterceptor.class.getName() + ".session", "an interceptor",
                AuditInterceptor.class);
    }

    @Test
    void constructorParameterIsRefusedNamingTheParameter() {
        assertRefusedAtDeployment(ConstructorInjection.class.getName() + "(parameter 0)", "an @ApplicationScoped bean",
                ConstructorInjection.class);
    }

    // ------------------------------------------------ instances the container creates: refused on injection

    static class ProfileServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Inject
        transient LoginRocketSession session;
    }

    static class AuditFilter implements Filter {
        @Inject
        LoginRocketSession session;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {}
    }

    static class StartupListener implements ServletContextListener {
        @Inject
        LoginRocketSession session;
    }

    @ServerEndpoint("/chat")
    static class ChatEndpoint {
        @Inject
        LoginRocketSession session;

        // @OnMessage, from the client API jar, which this test does without
        public String echo(String message) {
            return session.user().id() + ": " + message;
        }
    }

    @RequestScoped
    static class PerRequest {
        @Inject
        LoginRocketSession session;

        String userId() {
            return session.user().id();
        }
    }

    @ApplicationScoped
    static class LooksUpPerCall {
        @Inject
        Instance<LoginRocketSession> session;

        String userId() {
            return session.get().user().id();
        }
    }

    /**
     * Servlets, filters, listeners and WebSocket endpoints are not beans: the container creates them
     * and asks CDI to inject them, as {@link Unmanaged} does, at a time no deployment check sees.
     * These run inside a request with a valid login, so an injection that went through would hand
     * that user's session to an instance every later user shares.
     */
    @Nested
    @EnableWeld
    class ContainerCreatedInstances {

        @WeldSetup
        WeldInitiator weld = WeldInitiator.from(TestConfig.weldOn(emulator, PerRequest.class, LooksUpPerCall.class))
                .build();

        @Inject
        BeanManager beanManager;

        @Inject
        RequestContextController requestContext;

        /** Runs {@code body} in a request context of its own, for an HTTP request carrying the user's login. */
        private <R> R inRequestOf(String email, Supplier<R> body) {
            requestContext.activate();
            try (SimulatedRequest request = SimulatedRequest.withBearer(beanManager, emulator.issueToken(email))) {
                return body.get();
            } finally {
                requestContext.deactivate();
            }
        }

        @Test
        void servletIsRefused() {
            assertRefusedOnInjection(ProfileServlet.class);
        }

        @Test
        void filterIsRefused() {
            assertRefusedOnInjection(AuditFilter.class);
        }

        @Test
        void listenerIsRefused() {
            assertRefusedOnInjection(StartupListener.class);
        }

        @Test
        void webSocketEndpointIsRefused() {
            assertRefusedOnInjection(ChatEndpoint.class);
        }

        private <T> void assertRefusedOnInjection(Class<T> type) {
            Throwable refusal = inRequestOf("dana@example.org", () -> {
                Unmanaged.UnmanagedInstance<T> instance = new Unmanaged<>(beanManager, type).newInstance();
                return catchThrowable(() -> instance.produce().inject());
            });
            assertThat(refusal)
                    .as("injecting %s", type.getSimpleName())
                    .isInstanceOf(DefinitionException.class)
                    .hasMessageContaining("LoginRocketSession cannot be injected into " + type.getName() + ".session")
                    .hasMessageContaining("Inject CurrentSession");
        }

        @Test
        void requestScopedBeanGetsTheSessionOfItsRequest() {
            String dana = inRequestOf("dana@example.org", () -> weld.select(PerRequest.class).get().userId());
            String sam = inRequestOf("sam@example.org", () -> weld.select(PerRequest.class).get().userId());
            assertThat(dana).isNotEqualTo(sam);
        }

        @Test
        void lookupsResolveOnEveryCallEvenInAnApplicationScopedBean() {
            LooksUpPerCall bean = weld.select(LooksUpPerCall.class).get();
            String dana = inRequestOf("dana@example.org", bean::userId);
            String sam = inRequestOf("sam@example.org", bean::userId);
            assertThat(dana).isNotEqualTo(sam);
            String lookedUp = inRequestOf("dana@example.org",
                    () -> CDI.current().select(LoginRocketSession.class).get().user().id());
            assertThat(lookedUp).isEqualTo(dana);
        }
    }
}
