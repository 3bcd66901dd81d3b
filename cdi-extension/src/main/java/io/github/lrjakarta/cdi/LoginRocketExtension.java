package io.github.lrjakarta.cdi;

import io.github.lrjakarta.cdi.internal.AddedByExtension;
import io.github.lrjakarta.cdi.internal.Denials;
import io.github.lrjakarta.cdi.internal.HealthChecks;
import io.github.lrjakarta.cdi.internal.LoginRequiredInterceptor;
import io.github.lrjakarta.cdi.internal.LoginRocketRuntime;
import io.github.lrjakarta.cdi.internal.ProducedStore;
import io.github.lrjakarta.cdi.internal.RealmConfigs;
import io.github.lrjakarta.cdi.internal.RealmName;
import io.github.lrjakarta.cdi.internal.RequiresPermissionInterceptor;
import io.github.lrjakarta.cdi.internal.ServletEvents;
import io.github.lrjakarta.cdi.internal.SessionInjection;
import io.github.lrjakarta.cdi.internal.SessionLookup;
import io.github.lrjakarta.cdi.internal.WebApps;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.config.ConfigSource;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.core.config.LoginRocketConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The portable extension that puts LoginRocket into CDI. Registered in {@code
 * META-INF/services/jakarta.enterprise.inject.spi.Extension}: dropping the jar into an application
 * is enough. The jar is a bean archive that discovers none of its classes (its {@code beans.xml}
 * excludes them all): the extension adds each bean itself, and the archive only places those beans
 * among the application's bean archives, where a server's own extensions (WildFly's MicroProfile
 * Health) look for them.
 *
 * <h2>Beans, per realm</h2>
 *
 * <table>
 *   <caption>Beans added for the default realm (unqualified) and each named realm ({@code @LoginRocketRealm("name")})</caption>
 *   <tr><th>Type</th><th>Scope</th><th>What</th></tr>
 *   <tr><td>{@link LoginRocketClient}</td><td>{@code @ApplicationScoped}</td><td>built from the
 *       realm's configuration on first use; closed when the application stops</td></tr>
 *   <tr><td>{@link LoginRocketTokenVerifier}</td><td>{@code @ApplicationScoped}</td><td>keys from
 *       the realm's {@code /connect/jwks}, or {@code jwt.key}</td></tr>
 *   <tr><td>{@link CurrentSession}</td><td>{@code @RequestScoped}</td><td>the request's session,
 *       if any ({@code Optional}-style, never throws on access)</td></tr>
 *   <tr><td>{@link LoginRocketSession}</td><td>{@code @Dependent}</td><td>the request's session,
 *       resolved per injection; <em>requires</em> a login: without one the injection fails with
 *       {@link NotAuthenticatedException}, which a JAX-RS runtime answers with 401 (see {@link
 *       CurrentSession#require()})</td></tr>
 * </table>
 *
 * <p>{@code LoginRocketSession} may only be injected into {@code @RequestScoped} beans (such as a
 * {@code @RequestScoped} JAX-RS resource): it is resolved once, when its holder is created, and any
 * other holder can outlive the request and hand the first user's session to the next. Elsewhere
 * (servlets, filters, listeners, WebSocket endpoints, EJBs, interceptors, {@code @Dependent} helpers,
 * longer-lived beans) inject {@link CurrentSession} or {@code Instance<LoginRocketSession>}. A bean
 * injection point is a deployment error; an instance the container creates and injects itself
 * (a servlet…) fails when it is injected; both messages name the injection point and the fix.
 *
 * <h2>Interceptors</h2>
 *
 * <p>{@link LoginRequired} and {@link RequiresPermission}, enabled application-wide.
 *
 * <h2>Configuration</h2>
 *
 * <p>The keys and sources of the servlet filter ({@code loginrocket.url} …, see {@code
 * LoginRocketKeys}), highest first: system properties, environment ({@code LOGINROCKET_URL}),
 * MicroProfile Config (when the application has it), JNDI {@code java:comp/env}, the web
 * application's context-params, the values of the servlet module's {@code @EnableLoginRocket}, the
 * sources given to {@link #LoginRocketExtension(ConfigSource...)}, built-in defaults (each source at
 * its ordinal). Every realm in use is validated when the application deploys: a bad value fails the
 * deployment at {@code AfterDeploymentValidation}; a {@code url} set in no source known at that
 * point is checked again as soon as the web application's servlet context is known (CDI containers
 * may boot before it: WildFly always), through this jar's {@code ServletContainerInitializer} or the
 * {@code @Initialized(ApplicationScoped.class)} event, and fails the deployment just the same. In
 * Weld SE it fails {@code Weld.initialize()}. The messages name the key, the source and what was
 * expected.
 *
 * <p>Applications that set up their cache engine in code produce a {@code javax.cache.Cache} with
 * {@link LoginRocketStore} instead of the {@code loginrocket.ended-sessions.*} keys: the extension
 * shares ended sessions and the rate-limit back-off through it for every client and verifier of
 * the application, the servlet filter's included.
 *
 * <h2>The current request</h2>
 *
 * <p>The request is taken from the CDI request-context events the container fires for every
 * servlet request (payload: the {@code ServletRequest}); while a request is served, calls through
 * any LoginRocket client forward the user's {@code User-Agent} and {@code Accept-Language}, as the
 * servlet filter does. Works wherever CDI's request scope works for servlet requests: Weld servlet
 * on Tomcat and Jetty, WildFly. Nothing is registered in {@code web.xml}.
 *
 * <p>Thread-safety: the container calls the observer methods, possibly from several threads
 * during discovery; an instance serves one container.
 *
 * @since 0.1
 */
public class LoginRocketExtension implements Extension {

    private static final String ID = LoginRocketExtension.class.getName() + "#";
    private static final Set<Class<?>> REALM_BEAN_TYPES = Set.of(
            LoginRocketClient.class, LoginRocketTokenVerifier.class, LoginRocketSession.class, CurrentSession.class);
    private static final List<Class<?>> INTERNAL_BEANS =
            List.of(LoginRequiredInterceptor.class, RequiresPermissionInterceptor.class, ServletEvents.class);

    private static final System.Logger LOG = System.getLogger(LoginRocketExtension.class.getName());

    private final List<ConfigSource> additionalSources;
    // Weld may deliver ProcessAnnotatedType and ProcessInjectionPoint from several threads at once
    // (concurrent deployment, on by default in WildFly).
    private final Set<RealmName> namedRealms = new ConcurrentSkipListSet<>();
    private final List<String> realmNameErrors = new CopyOnWriteArrayList<>();
    private volatile boolean defaultRealmUsed;
    private volatile LoginRocketRuntime runtime;
    private volatile ClassLoader applicationClassLoader;
    /** Uninstalls the stores on the application's {@link LoginRocketStore} cache; null while there are none. */
    private volatile AutoCloseable producedStore;

    /** The extension as the container loads it: configuration from the standard sources. */
    public LoginRocketExtension() {
        this(new ConfigSource[0]);
    }

    /**
     * The extension with additional configuration sources, for Weld SE and tests ({@code
     * Weld.addExtension(new LoginRocketExtension(ConfigSources.of("test", 900, Map.of(…))))}).
     *
     * @param additionalSources placed among the standard sources by their {@link ConfigSource#ordinal()}
     */
    public LoginRocketExtension(ConfigSource... additionalSources) {
        this.additionalSources = List.of(additionalSources);
    }

    void addInternalBeans(@Observes BeforeBeanDiscovery event) {
        // The application's class loader: CDI containers boot with it as context class loader.
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        applicationClassLoader = tccl != null ? tccl : LoginRocketExtension.class.getClassLoader();
        runtime = new LoginRocketRuntime(new RealmConfigs(applicationClassLoader, additionalSources), new Denials());
        WebApps.runtimeStarted(applicationClassLoader, runtime);
        for (Class<?> type : INTERNAL_BEANS) {
            event.addAnnotatedType(type, ID + type.getSimpleName()).add(AddedByExtension.Literal.INSTANCE);
        }
    }

    // Our internal beans are added above, marked; a copy discovered from a bean archive (a fat jar,
    // a repackaged WAR with discovery "all") would make every injection of them ambiguous.
    void vetoDiscoveredLoginRequiredInterceptor(@Observes ProcessAnnotatedType<LoginRequiredInterceptor> event) {
        vetoIfDiscovered(event);
    }

    void vetoDiscoveredRequiresPermissionInterceptor(
            @Observes ProcessAnnotatedType<RequiresPermissionInterceptor> event) {
        vetoIfDiscovered(event);
    }

    void vetoDiscoveredServletEvents(@Observes ProcessAnnotatedType<ServletEvents> event) {
        vetoIfDiscovered(event);
    }

    private static void vetoIfDiscovered(ProcessAnnotatedType<?> event) {
        if (!event.getAnnotatedType().isAnnotationPresent(AddedByExtension.class)) {
            event.veto();
        }
    }

    <T> void realmsOfInterceptedBeans(
            @Observes @WithAnnotations({LoginRequired.class, RequiresPermission.class}) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        if (INTERNAL_BEANS.contains(type.getJavaClass())) {
            return;
        }
        noteBindings(type, type.getJavaClass().getName());
        type.getMethods().forEach(m -> noteBindings(m, type.getJavaClass().getName() + "." + m.getJavaMember().getName()));
    }

    private void noteBindings(Annotated annotated, String where) {
        for (LoginRequired binding : annotated.getAnnotations(LoginRequired.class)) {
            noteRealm(binding.realm(), where).ifPresent(realmNameErrors::add);
        }
        for (RequiresPermission binding : annotated.getAnnotations(RequiresPermission.class)) {
            noteRealm(binding.realm(), where).ifPresent(realmNameErrors::add);
        }
    }

    void realmsOfInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        Type type = ip.getType();
        boolean lookup = false;
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            Type raw = parameterized.getRawType();
            if (raw == Instance.class || raw == Provider.class) {
                type = parameterized.getActualTypeArguments()[0];
                lookup = true;
            }
        }
        if (!(type instanceof Class<?>) || !REALM_BEAN_TYPES.contains(type)) {
            return;
        }
        for (Annotation qualifier : ip.getQualifiers()) {
            if (qualifier instanceof LoginRocketRealm) {
                noteRealm(((LoginRocketRealm) qualifier).value(), ip.toString())
                        .ifPresent(error -> event.addDefinitionError(new DefinitionException(error)));
            } else if (qualifier instanceof Default) {
                defaultRealmUsed = true;
            }
        }
        if (type == LoginRocketSession.class && !lookup) {
            SessionInjection.refusal(ip).ifPresent(error -> event.addDefinitionError(new DefinitionException(error)));
        }
    }

    /** Records a realm name ({@code ""} = default); returns an error message for an unusable name. */
    private Optional<String> noteRealm(String name, String where) {
        RealmName realm;
        try {
            realm = RealmName.of(name);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() + " (at " + where + ")");
        }
        if (realm.isDefault()) {
            defaultRealmUsed = true;
        } else {
            namedRealms.add(realm);
        }
        return Optional.empty();
    }

    /** Set when a class of the application carries {@link LoginRocketAuthenticationMechanismDefinition}. */
    private volatile boolean mechanismRequested;

    <T> void mechanismDefinition(
            @Observes @WithAnnotations(LoginRocketAuthenticationMechanismDefinition.class) ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().isAnnotationPresent(LoginRocketAuthenticationMechanismDefinition.class)) {
            mechanismRequested = true;
        }
    }

    // Only now, and only when asked for, is the mechanism's class (and so Jakarta Security) loaded:
    // applications on servlet containers without Jakarta Security never touch it.
    void addMechanism(@Observes jakarta.enterprise.inject.spi.AfterTypeDiscovery event) {
        if (mechanismRequested) {
            event.addAnnotatedType(LoginRocketAuthenticationMechanism.class, ID + "LoginRocketAuthenticationMechanism");
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        realmNameErrors.forEach(error -> event.addDefinitionError(new DefinitionException(error)));
        LoginRocketRuntime shared = runtime;
        event.<LoginRocketRuntime>addBean()
                .types(LoginRocketRuntime.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .id(ID + "runtime")
                .createWith(context -> shared);
        addRealmBeans(event, RealmName.DEFAULT);
        namedRealms.forEach(realm -> addRealmBeans(event, realm));
        HealthChecks.addIfAvailable(event, shared, applicationClassLoader);
    }

    private void addRealmBeans(AfterBeanDiscovery event, RealmName realm) {
        LoginRocketRuntime shared = runtime;
        Annotation qualifier = realm.qualifier();
        String suffix = "#" + realm;
        event.<LoginRocketClient>addBean()
                .types(LoginRocketClient.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .id(ID + "client" + suffix)
                .produceWith(lookup -> shared.client(realm, listeners(lookup)))
                .disposeWith((client, lookup) -> client.close());
        event.<LoginRocketTokenVerifier>addBean()
                .types(LoginRocketTokenVerifier.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .id(ID + "verifier" + suffix)
                .produceWith(lookup -> shared.verifier(realm, listeners(lookup)));
        event.<CurrentSession>addBean()
                .types(CurrentSession.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(RequestScoped.class)
                .id(ID + "current-session" + suffix)
                .produceWith(lookup -> {
                    // The verifier's client proxy: the verifier itself is built on the first bearer token.
                    LoginRocketTokenVerifier verifier =
                            lookup.select(LoginRocketTokenVerifier.class, qualifier).get();
                    // the client's proxy too; the re-check (when configured) is built with it once per realm
                    LoginRocketClient client = lookup.select(LoginRocketClient.class, qualifier).get();
                    return new CurrentSession(realm,
                            () -> SessionLookup.find(realm, verifier, shared.sessionRecheck(realm, client)),
                            shared.denials());
                });
        event.<LoginRocketSession>addBean()
                .types(LoginRocketSession.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .id(ID + "session" + suffix)
                .produceWith(lookup -> {
                    // Again here: servlets, filters and WebSocket endpoints are injected when the container
                    // creates them, after every deployment check.
                    SessionInjection.refusal(lookup.select(InjectionPoint.class).get()).ifPresent(error -> {
                        throw new DefinitionException(error);
                    });
                    return lookup.select(CurrentSession.class, qualifier).get().require();
                });
    }

    /** The realms with beans: the default realm always, and each named one. */
    /** The application's {@link LoginRocketListener} beans, told about every call and verification. */
    private static List<LoginRocketListener> listeners(Instance<Object> lookup) {
        return lookup.select(LoginRocketListener.class, Any.Literal.INSTANCE).stream().toList();
    }

    private List<RealmName> realmsWithBeans() {
        List<RealmName> realms = new ArrayList<>();
        realms.add(RealmName.DEFAULT);
        realms.addAll(namedRealms);
        return realms;
    }

    /** The realms to validate: those in use, or the default realm when none is named. */
    private List<RealmName> realmsInUse() {
        List<RealmName> realms = new ArrayList<>();
        if (defaultRealmUsed || namedRealms.isEmpty()) {
            realms.add(RealmName.DEFAULT);
        }
        realms.addAll(namedRealms);
        return realms;
    }

    void stop(@Observes BeforeShutdown event) {
        WebApps.runtimeStopped(applicationClassLoader, runtime);
        stopProducedStore();
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        List<RealmName> realms = realmsInUse();
        LOG.log(System.Logger.Level.INFO, "LoginRocket CDI: beans for realms {0}, validating {1}",
                realmsWithBeans(), realms);
        boolean failed = false;
        for (RealmName realm : realms) {
            Optional<LoginRocketConfigException> problem = runtime.validateAtDeployment(realm);
            if (problem.isPresent()) {
                event.addDeploymentProblem(problem.get());
                failed = true;
            }
        }
        Set<Bean<?>> stores = beans.getBeans(Object.class, LoginRocketStore.Literal.INSTANCE);
        if (!failed && !stores.isEmpty()) {
            Optional<Throwable> problem = useProducedStore(beans, stores, realms);
            problem.ifPresent(event::addDeploymentProblem);
            failed = problem.isPresent();
        }
        if (failed) {
            // The container will not start, and may not send BeforeShutdown.
            WebApps.runtimeStopped(applicationClassLoader, runtime);
            stopProducedStore();
        }
    }

    /**
     * Installs the application's {@link LoginRocketStore} cache for every factory, and builds each
     * realm's ended-sessions store on it now, so that a clash with the keys or a failing producer
     * fails the deployment.
     */
    private Optional<Throwable> useProducedStore(BeanManager beans, Set<Bean<?>> stores, List<RealmName> realms) {
        if (stores.size() > 1) {
            return Optional.of(new DefinitionException("More than one @LoginRocketStore bean: " + stores
                    + "; LoginRocket shares its state through one cache, keep one"));
        }
        Bean<?> bean = stores.iterator().next();
        try {
            // Only here is javax.cache touched: applications without a store never load it.
            Optional<AutoCloseable> installed = ProducedStore.install(beans, bean);
            if (installed.isEmpty()) {
                return Optional.of(new DefinitionException("The @LoginRocketStore bean " + bean
                        + " is not a javax.cache.Cache<String, Long>: produce the cache itself"));
            }
            producedStore = installed.get();
        } catch (NoClassDefFoundError e) {
            return Optional.of(new DefinitionException("The @LoginRocketStore bean " + bean + " needs the modules"
                    + " io.github.lrjakarta:loginrocket-jcache and javax.cache:cache-api in the application (missing: "
                    + e.getMessage() + ")"));
        }
        for (RealmName realm : realms) {
            LoginRocketConfig config = runtime.config(realm);
            try {
                LoginRocketFactory.of(config).endedSessions();
            } catch (LoginRocketConfigException e) {
                return Optional.of(e);
            } catch (RuntimeException | NoClassDefFoundError e) {
                return Optional.of(new DefinitionException("The @LoginRocketStore cache " + bean
                        + " could not be used (the application needs io.github.lrjakarta:loginrocket-jcache): " + e, e));
            }
        }
        return Optional.empty();
    }

    private void stopProducedStore() {
        AutoCloseable installed = producedStore;
        producedStore = null;
        if (installed != null) {
            try {
                installed.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "Stopping the @LoginRocketStore stores failed", e);
            }
        }
    }
}
