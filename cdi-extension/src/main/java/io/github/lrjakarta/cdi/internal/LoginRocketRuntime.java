package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.SessionRecheck;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the extension's beans share at run time: the realm configs, the bean factories and the
 * refusal builder; clients and verifiers come from the config model's factories. One per application, registered as a {@code @Singleton} bean by the extension.
 *
 * <p>Validation runs in two steps because CDI may boot before the web application's context-params
 * can be read: at {@code AfterDeploymentValidation} every realm in use is checked with the
 * sources available then, and a realm whose {@code url} is set nowhere yet is checked again once
 * the servlet context is known ({@link WebAppInitializer}, or the {@code @Initialized} event with
 * the {@code ServletContext}), or right away in Weld SE. Either check fails the deployment with the
 * config model's message (key, source, value, expectation). Thread-safe.
 */
public final class LoginRocketRuntime {

    private static final System.Logger LOG = System.getLogger(LoginRocketRuntime.class.getName());
    /** The payload of Weld SE's {@code @Initialized(ApplicationScoped.class)} event. */
    private static final String WELD_SE_STARTED = "org.jboss.weld.environment.se.events.ContainerInitialized";

    private final RealmConfigs configs;
    private final Denials denials;
    private final List<RealmName> deferred = new ArrayList<>();
    /** Per realm: its re-check, or empty when off; built on the first bearer token that verifies. */
    private final ConcurrentHashMap<RealmName, Optional<SessionRecheck>> rechecks = new ConcurrentHashMap<>();

    public LoginRocketRuntime(RealmConfigs configs, Denials denials) {
        this.configs = Objects.requireNonNull(configs, "configs");
        this.denials = Objects.requireNonNull(denials, "denials");
    }

    /** Builds from the sources known now; the context-params once the application has started. */
    public LoginRocketConfig config(RealmName realm) {
        return configs.config(realm);
    }

    /** A new client for the realm; the caller closes it. */
    public LoginRocketClient client(RealmName realm, List<LoginRocketListener> listeners) {
        LoginRocketClient client = LoginRocketFactory.of(config(realm)).newClient(b -> {
            listeners.forEach(b::listener);
            return b;
        });
        LOG.log(Level.DEBUG, "LoginRocket client for realm {0} created: {1}", realm, client.url().root());
        return client;
    }

    /** A new verifier for the realm, telling {@code listeners} (the application's listener beans). */
    public LoginRocketTokenVerifier verifier(RealmName realm, List<LoginRocketListener> listeners) {
        return LoginRocketFactory.of(config(realm)).newTokenVerifier(b -> {
            listeners.forEach(b::listener);
            return b;
        });
    }

    /**
     * The realm's session re-check ({@code session-recheck-interval}) making its calls through
     * {@code client}, the realm's client bean; null when it is off. One per realm, so its claims
     * are shared by every request (and, with a shared store, by the filter and every node).
     */
    public SessionRecheck sessionRecheck(RealmName realm, LoginRocketClient client) {
        return rechecks.computeIfAbsent(realm,
                r -> LoginRocketFactory.of(config(r)).sessionRecheck(client, b -> b)).orElse(null);
    }

    public Denials denials() {
        return denials;
    }

    /**
     * The deployment-time check of one realm.
     *
     * @return the problem to report, empty if the realm is fine or its check was deferred
     */
    public synchronized Optional<LoginRocketConfigException> validateAtDeployment(RealmName realm) {
        LoginRocketConfig config = config(realm);
        if (!configs.servletContextKnown() && config.lookup(LoginRocketKeys.URL).isEmpty()) {
            deferred.add(realm);
            return Optional.empty();
        }
        return check(config);
    }

    /**
     * The web application's servlet context is known before the deployment checks: they will see
     * its context-params.
     */
    public void attach(ServletContext context) {
        configs.attach(context);
    }

    /**
     * Whether this runtime can belong to the web application of {@code context}: it has no servlet
     * context yet, or that one.
     */
    public boolean accepts(ServletContext context) {
        return configs.acceptsServletContext(context);
    }

    /**
     * The web application started: take its context-params into the sources, then run the
     * deferred checks.
     *
     * @throws LoginRocketConfigException for a realm still not configured, failing the deployment
     */
    public synchronized void webAppStarted(ServletContext context) {
        configs.attach(context);
        runDeferredChecks();
    }

    /**
     * The {@code @Initialized(ApplicationScoped.class)} event. Its payload is the {@code
     * ServletContext} in a web application. In Weld SE (and weld-junit) it is Weld's {@code
     * ContainerInitialized}: no servlet context will ever come, so the deferred checks run now and
     * fail {@code Weld.initialize()}. Any other payload is an EE server's event for a non-web module
     * (WildFly fires one at the end of CDI initialization, before the web application starts);
     * {@link WebAppInitializer} then runs the checks.
     *
     * @throws LoginRocketConfigException for a realm still not configured
     */
    public synchronized void applicationStarted(Object payload) {
        if (payload instanceof ServletContext) {
            ServletContext context = (ServletContext) payload;
            configs.attach(context);
            if (!checkWhenListenersStart(context)) {
                runDeferredChecks();
            }
        } else if (payload != null && WELD_SE_STARTED.equals(payload.getClass().getName())) {
            runDeferredChecks();
        }
    }

    /**
     * Weld servlet's initializer fires the event while initializers are still running, and ours
     * (with the {@code @EnableLoginRocket} values) may come next: then the checks wait for the
     * listeners, which start after every initializer. Fired from a listener (Weld's {@code
     * Listener}, WildFly), the context refuses a new {@code ServletContextListener}: every
     * initializer has run already, so the checks run now.
     */
    private boolean checkWhenListenersStart(ServletContext context) {
        try {
            context.addListener(new DeferredChecks());
            return true;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            // The servlet API only takes a ServletContextListener from an initializer's onStartup.
            return false;
        }
    }

    /** Runs the deferred checks when the application's listeners start; a failure fails the start. */
    private final class DeferredChecks implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            synchronized (LoginRocketRuntime.this) {
                runDeferredChecks();
            }
        }
    }

    private void runDeferredChecks() {
        List<RealmName> pending = new ArrayList<>(deferred);
        deferred.clear();
        for (RealmName realm : pending) {
            Optional<LoginRocketConfigException> problem = check(config(realm));
            if (problem.isPresent()) {
                throw problem.get();
            }
        }
    }

    private static Optional<LoginRocketConfigException> check(LoginRocketConfig config) {
        try {
            config.validate();
            return Optional.empty();
        } catch (LoginRocketConfigException e) {
            return Optional.of(e);
        }
    }
}
