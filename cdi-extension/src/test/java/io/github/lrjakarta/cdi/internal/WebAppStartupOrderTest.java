package io.github.lrjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.cdi.jetty.AnnotatedShop;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The order WildFly starts things in: CDI boots and validates first (no servlet context yet), then
 * fires {@code @Initialized(ApplicationScoped.class)} with a payload that is not the servlet
 * context, and only then runs the web application's initializers.
 */
class WebAppStartupOrderTest {

    /** Each test has its own application class loader, as each WAR has. */
    private final ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());

    private final LoginRocketRuntime runtime =
            new LoginRocketRuntime(new RealmConfigs(application, List.of()), new Denials(false));

    @Test
    void urlFromContextParamsIsAcceptedWhenTheWebApplicationStartsAfterCdi() throws Exception {
        WebApps.runtimeStarted(application, runtime);
        assertThat(runtime.validateAtDeployment(RealmName.DEFAULT)).isEmpty();
        runtime.applicationStarted(new Object());

        new WebAppInitializer().onStartup(Set.of(), servletContext(Map.of("loginrocket.url", "https://a.example.com")));

        assertThat(runtime.config(RealmName.DEFAULT).url().root().getHost()).isEqualTo("a.example.com");
        WebApps.runtimeStopped(application, runtime);
    }

    @Test
    void urlMissingEverywhereFailsTheWebApplicationsStart() {
        WebApps.runtimeStarted(application, runtime);
        assertThat(runtime.validateAtDeployment(RealmName.DEFAULT)).isEmpty();
        runtime.applicationStarted(new Object());

        assertThatThrownBy(() -> new WebAppInitializer().onStartup(Set.of(), servletContext(Map.of())))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("loginrocket.url is missing")
                .hasMessageContaining("context-params of /shop 'loginrocket.url'")
                .hasCauseInstanceOf(LoginRocketConfigException.class);
        WebApps.runtimeStopped(application, runtime);
    }

    @Test
    void servletContextKnownBeforeCdiBootsIsUsedAtValidation() throws Exception {
        new WebAppInitializer().onStartup(null, servletContext(Map.of("loginrocket.url", "ftp://a.example.com")));
        WebApps.runtimeStarted(application, runtime);

        assertThat(runtime.validateAtDeployment(RealmName.DEFAULT))
                .hasValueSatisfying(e -> assertThat(e.getMessage())
                        .startsWith("loginrocket.url='ftp://a.example.com' from context-params of /shop"));
        WebApps.runtimeStopped(application, runtime);
    }

    @Test
    void weldServletFiringTheEventDuringInitializersWaitsForOurInitializersAnnotation() throws Exception {
        // Weld servlet's initializer boots CDI and fires @Initialized(ApplicationScoped.class) before
        // ours has run; the loopback URL is only acceptable with the annotation's allow-insecure-loopback.
        WebApps.runtimeStarted(application, runtime);
        assertThat(runtime.validateAtDeployment(RealmName.DEFAULT)).isEmpty();
        List<ServletContextListener> listeners = new ArrayList<>();
        ServletContext context = servletContext(Map.of("loginrocket.url", "http://127.0.0.1:9"), listeners::add);

        runtime.applicationStarted(context);
        new WebAppInitializer().onStartup(Set.of(AnnotatedShop.class), context);
        listeners.forEach(l -> l.contextInitialized(new ServletContextEvent(context)));

        assertThat(runtime.config(RealmName.DEFAULT).url().isLoopback()).isTrue();
        WebApps.runtimeStopped(application, runtime);
    }

    @Test
    void eventFiredByAListenerChecksAtOnce() {
        assertThat(runtime.validateAtDeployment(RealmName.DEFAULT)).isEmpty();
        ServletContext context = servletContext(Map.of(), listener -> {
            throw new IllegalArgumentException("only from ServletContainerInitializer.onStartup");
        });
        assertThatThrownBy(() -> runtime.applicationStarted(context))
                .isInstanceOf(LoginRocketConfigException.class)
                .hasMessageContaining("loginrocket.url is missing");
    }

    private ServletContext servletContext(Map<String, String> contextParams) {
        return servletContext(contextParams, listener -> {});
    }

    private ServletContext servletContext(Map<String, String> contextParams, Consumer<ServletContextListener> addListener) {
        return FakeHttp.context(contextParams).contextPath("/shop").classLoader(application)
                .onAddListener(listener -> addListener.accept((ServletContextListener) listener))
                .asServletContext();
    }
}
