package io.github.lrjakarta.core.config;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.InMemoryEndedSessions;
import io.github.lrjakarta.core.InMemorySessionChecks;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.RetryPolicy;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.SessionChecks;
import io.github.lrjakarta.core.SessionRecheck;
import io.github.lrjakarta.core.config.internal.EndedSessionsRegistry;
import io.github.lrjakarta.core.internal.ServiceListeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Clients, token verifiers, the ended-sessions store and the session re-check, set up from a {@link
 * LoginRocketConfig}: the one place where configuration keys become builder settings.
 *
 * <pre>{@code
 * LoginRocketConfig config = LoginRocketConfig.fromSystem();
 * try (LoginRocketClient client = LoginRocketFactory.of(config).newClient()) { ... }
 * }</pre>
 *
 * <p>A key that is not set leaves the builder's own default in place: both come from one
 * constant ({@link LoginRocketClient#DEFAULT_CONNECT_TIMEOUT}, {@link
 * LoginRocketTokenVerifier#DEFAULT_LEEWAY}, …), so what a configuration that sets only the URL
 * builds is what the plain builder builds. Every method reads the configuration anew; a bad or
 * missing value throws {@link LoginRocketConfigException} naming the key and its source. Instances are immutable and thread-safe if the config's sources are.
 *
 * @since 0.2
 */
public final class LoginRocketFactory {

    /** The value of {@code ended-sessions.store} for the store in this JVM's memory, the default. */
    public static final String MEMORY_STORE = "memory";

    private final LoginRocketConfig config;

    private LoginRocketFactory(LoginRocketConfig config) {
        this.config = config;
    }

    /** A factory reading {@code config} (of the default realm or a named one). */
    public static LoginRocketFactory of(LoginRocketConfig config) {
        return new LoginRocketFactory(Objects.requireNonNull(config, "config"));
    }

    /** The configuration this factory reads. */
    public LoginRocketConfig config() {
        return config;
    }

    /**
     * A client builder set up from the config: {@code url}, {@code allow-insecure-loopback},
     * {@code locale}, {@code user-agent}, {@code connect-timeout}, {@code response-timeout},
     * {@code connection-request-timeout}, {@code max-connections}, {@code max-attempts}, and the
     * listeners registered through {@link ServiceLoader}. Add what config cannot hold (an {@code
     * SSLContext}, a retry policy) before {@code build()}.
     *
     * @throws LoginRocketConfigException for a missing or bad value
     */
    public LoginRocketClient.Builder clientBuilder() {
        LoginRocketClient.Builder b = LoginRocketClient.builder()
                .allowInsecureLoopback(config.getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK))
                .url(config.url())
                .connectTimeout(config.getDuration(LoginRocketKeys.CONNECT_TIMEOUT))
                .responseTimeout(config.getDuration(LoginRocketKeys.RESPONSE_TIMEOUT))
                .connectionRequestTimeout(config.getDuration(LoginRocketKeys.CONNECTION_REQUEST_TIMEOUT))
                .maxConnections(config.getInt(LoginRocketKeys.MAX_CONNECTIONS))
                .retryPolicy(RetryPolicy.builder().maxAttempts(config.getInt(LoginRocketKeys.MAX_ATTEMPTS)).build())
                .endedSessions(endedSessions())
                .endedSessionRetention(config.getDuration(LoginRocketKeys.ENDED_SESSIONS_RETENTION))
                .sharedBackOff(sharedBackOff());
        config.locale().ifPresent(b::locale);
        // The builder checks the agent text; doing it inside the converter attributes errors to key and source.
        config.optional(LoginRocketKeys.USER_AGENT, b::userAgent);
        ServiceListeners.load().forEach(b::listener);
        return b;
    }

    /**
     * A new client from the config ({@link #clientBuilder()}); close it when done.
     *
     * @throws LoginRocketConfigException for a missing or bad value
     */
    public LoginRocketClient newClient() {
        return newClient(UnaryOperator.identity());
    }

    /**
     * A new client from the config, after {@code customize} added what config cannot hold (an
     * {@code SSLContext}, say); close it when done.
     *
     * @throws LoginRocketConfigException for a missing or bad value
     */
    public LoginRocketClient newClient(UnaryOperator<LoginRocketClient.Builder> customize) {
        return customize.apply(clientBuilder()).build();
    }

    /**
     * A token-verifier builder set up from the config (to fetch the key set through a client's
     * connection pool and HTTP hooks, add {@code fetchKeysWith(client)}): a static key from {@code jwt.key} if set
     * (it wins over the key set), otherwise the key set of {@code url}; {@code jwt.issuer}, {@code
     * jwt.leeway} (at most 5 minutes), {@code jwt.realm}, {@code jwt.max-token-age}, {@code
     * jwt.cache-size}, {@code jwt.key-refetch-interval}, {@code jwt.key-fetch-timeout}, and
     * {@code allow-insecure-loopback}, and the listeners registered through {@link ServiceLoader}.
     * A static key is checked by {@code build()}; {@link
     * #newTokenVerifier()} attributes such errors to {@code jwt.key}.
     *
     * @throws LoginRocketConfigException for a missing or bad value
     */
    public LoginRocketTokenVerifier.Builder tokenVerifierBuilder() {
        LoginRocketTokenVerifier.Builder b = LoginRocketTokenVerifier.builder()
                .allowInsecureLoopback(config.getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK))
                .issuer(config.getString(LoginRocketKeys.JWT_ISSUER))
                .leeway(config.getDuration(LoginRocketKeys.JWT_LEEWAY))
                .cacheSize(config.getInt(LoginRocketKeys.JWT_CACHE_SIZE))
                .keyRefetchInterval(config.getDuration(LoginRocketKeys.JWT_KEY_REFETCH_INTERVAL))
                .keyFetchTimeout(config.getDuration(LoginRocketKeys.JWT_KEY_FETCH_TIMEOUT))
                .endedSessions(endedSessions());
        config.optionalString(LoginRocketKeys.JWT_REALM).ifPresent(b::realm);
        config.optionalDuration(LoginRocketKeys.JWT_MAX_TOKEN_AGE).ifPresent(b::maxTokenAge);
        Optional<String> staticKey = config.optionalString(LoginRocketKeys.JWT_KEY);
        if (staticKey.isPresent()) {
            b.staticKey(staticKey.get());
        } else {
            b.jwks(config.url());
        }
        ServiceListeners.load().forEach(b::listener);
        return b;
    }

    /**
     * A new token verifier from the config ({@link #tokenVerifierBuilder()}).
     *
     * @throws LoginRocketConfigException for a missing or bad value, an unusable {@code jwt.key}
     *     included (its value is never shown)
     */
    public LoginRocketTokenVerifier newTokenVerifier() {
        return newTokenVerifier(UnaryOperator.identity());
    }

    /**
     * A new token verifier from the config, after {@code customize} added what config cannot hold
     * (an {@code SSLContext}, a clock).
     *
     * @throws LoginRocketConfigException for a missing or bad value, an unusable {@code jwt.key}
     *     included (its value is never shown)
     */
    public LoginRocketTokenVerifier newTokenVerifier(UnaryOperator<LoginRocketTokenVerifier.Builder> customize) {
        LoginRocketTokenVerifier.Builder b = customize.apply(tokenVerifierBuilder());
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw config.invalid(config.optionalString(LoginRocketKeys.JWT_KEY).isPresent() ? LoginRocketKeys.JWT_KEY : LoginRocketKeys.URL,
                    e.getMessage());
        }
    }

    /**
     * The ended-sessions store configured by {@code ended-sessions.*}: {@code memory} (default) or
     * an installed {@link EndedSessionsProvider} such as {@code jcache}. Every config of this class
     * loader with the same {@code url} and {@code ended-sessions.*} values gets the same instance, so
     * the clients and verifiers of one realm that the filter, the CDI extension and the application
     * build all share it: a logout through any client is refused by every verifier.
     *
     * @return the shared store
     * @throws LoginRocketConfigException for an unknown store name or a bad store setting
     */
    public EndedSessions endedSessions() {
        int maxEntries = config.getInt(LoginRocketKeys.ENDED_SESSIONS_MAX_ENTRIES);
        return shared(EndedSessions.class, p -> p.create(config),
                () -> InMemoryEndedSessions.builder().maxEntries(maxEntries).build());
    }

    /**
     * The rate-limit back-off shared through the store {@code ended-sessions.store} names: {@link
     * SharedBackOff#none()} for {@code memory} (each client backs off on its own, as on one node),
     * else the {@link EndedSessionsProvider}'s ({@code jcache}: every node holds back when one is
     * rate-limited). The same instance for the same configs as {@link #endedSessions()}; {@link
     * #clientBuilder()} sets it.
     *
     * @return the shared back-off
     * @throws LoginRocketConfigException for an unknown store name or a bad store setting
     * @since 0.2
     */
    public SharedBackOff sharedBackOff() {
        return shared(SharedBackOff.class, p -> p.createSharedBackOff(config), SharedBackOff::none);
    }

    /**
     * Makes {@code provider}, set up in code, the ended-sessions store and shared back-off of every
     * factory of this class loader from now on, instead of what {@code ended-sessions.store} names:
     * how the CDI extension hands the application's {@code @LoginRocketStore} cache to the servlet
     * filter and to every other client and verifier of the application. A config that sets {@code
     * ended-sessions.store} as well fails with an error naming the key, since one of the two would be
     * ignored. The provider's {@code create} methods are called once per realm URL and {@code
     * ended-sessions.*} setting, as for a provider the key names.
     *
     * @param provider the provider, or {@code null} to go back to the keys (the application stopped)
     * @since 0.2
     */
    public static void useStoreProvider(EndedSessionsProvider provider) {
        EndedSessionsRegistry.installInCode(provider);
    }

    /**
     * Goes back to what {@code ended-sessions.store} names if {@code provider} is still the one
     * {@link #useStoreProvider} installed. An application that stops calls this rather than {@code
     * useStoreProvider(null)}: when its redeployment started before it stopped, the new deployment's
     * provider, installed meanwhile, stays.
     *
     * @param provider the provider the stopping application installed
     * @return whether it was still installed, and is no more
     * @since 0.2
     */
    public static boolean stopUsingStoreProvider(EndedSessionsProvider provider) {
        return EndedSessionsRegistry.uninstallInCode(provider);
    }

    private EndedSessionsRegistry.InCode inCodeStore() {
        EndedSessionsRegistry.InCode inCode = EndedSessionsRegistry.inCode();
        boolean keySet = config.lookup(LoginRocketKeys.ENDED_SESSIONS_STORE).filter(v -> !v.isDefault()).isPresent();
        if (inCode != null && keySet) {
            throw config.invalid(LoginRocketKeys.ENDED_SESSIONS_STORE, "the application also sets up its store in"
                    + " code (" + inCode.provider().name() + "), which would make this key ignored: remove the key,"
                    + " or the code (a @LoginRocketStore producer)");
        }
        return inCode;
    }

    private String inCodeSettings(EndedSessionsRegistry.InCode inCode) {
        return storeSettings() + "in-code=" + inCode.provider().name() + '#' + inCode.installation() + '\n';
    }

    /**
     * The record of session-check claims that goes with {@link #endedSessions()}: in memory for the
     * {@code memory} store, otherwise the provider's ({@code jcache} shares it between nodes). One
     * instance per realm URL and {@code ended-sessions.*} values in this class loader.
     *
     * @return the shared record
     * @throws LoginRocketConfigException for an unknown store name or a bad store setting
     * @since 0.2
     */
    public SessionChecks sessionChecks() {
        int maxEntries = config.getInt(LoginRocketKeys.ENDED_SESSIONS_MAX_ENTRIES);
        return shared(SessionChecks.class, p -> p.createSessionChecks(config),
                () -> InMemorySessionChecks.builder().maxEntries(maxEntries).build());
    }

    /**
     * The one {@code kind} of shared state for this config's realm and store settings: made by the
     * provider installed in code, else by {@code inMemory} for the {@code memory} store, else by the
     * provider {@code ended-sessions.store} names.
     */
    private <T> T shared(Class<T> kind, Function<EndedSessionsProvider, T> byProvider, Supplier<T> inMemory) {
        EndedSessionsRegistry.InCode inCode = inCodeStore();
        if (inCode != null) {
            return EndedSessionsRegistry.get(kind, inCodeSettings(inCode), () -> byProvider.apply(inCode.provider()));
        }
        String name = config.getString(LoginRocketKeys.ENDED_SESSIONS_STORE);
        if (name.equals(MEMORY_STORE)) {
            return EndedSessionsRegistry.get(kind, storeSettings(), inMemory);
        }
        EndedSessionsProvider provider = endedSessionsProvider(name);
        return EndedSessionsRegistry.get(kind, storeSettings(), () -> byProvider.apply(provider));
    }

    /**
     * The session re-check of {@code session-recheck-interval}, making its calls through {@code
     * client}, with the {@link #sessionChecks()} record and the {@link #endedSessions()} store; empty
     * when the key is not set (the default: off).
     *
     * @param client the client for the calls, e.g. the one of the filter or the CDI extension
     * @param customize adds what config cannot hold (a clock, for tests)
     * @throws LoginRocketConfigException for an interval out of range or a bad store setting
     * @since 0.2
     */
    public Optional<SessionRecheck> sessionRecheck(LoginRocketClient client,
            UnaryOperator<SessionRecheck.Builder> customize) {
        Optional<Duration> interval = config.sessionRecheckInterval();
        if (interval.isEmpty()) {
            return Optional.empty();
        }
        SessionRecheck.Builder b = SessionRecheck.builder()
                .client(client)
                .interval(interval.get())
                .sessionChecks(sessionChecks())
                .endedSessions(endedSessions());
        try {
            return Optional.of(customize.apply(b).build());
        } catch (IllegalArgumentException e) {
            throw config.invalid(LoginRocketKeys.SESSION_RECHECK_INTERVAL, e.getMessage());
        }
    }

    /** What identifies one store: the realm URL and every {@code ended-sessions.*} value but the retention. */
    private String storeSettings() {
        StringBuilder settings = new StringBuilder("url=")
                .append(config.optionalString(LoginRocketKeys.URL).orElse(""))
                .append('\n');
        for (String rel : LoginRocketKeys.all()) {
            if (rel.startsWith("ended-sessions.") && !rel.equals(LoginRocketKeys.ENDED_SESSIONS_RETENTION)) {
                settings.append(rel).append('=').append(config.optionalString(rel).orElse("")).append('\n');
            }
        }
        return settings.toString();
    }

    private EndedSessionsProvider endedSessionsProvider(String name) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        List<String> installed = new ArrayList<>();
        for (ClassLoader cl : new ClassLoader[] {tccl, LoginRocketFactory.class.getClassLoader()}) {
            if (cl == null) {
                continue;
            }
            for (EndedSessionsProvider p : ServiceLoader.load(EndedSessionsProvider.class, cl)) {
                if (p.name().equals(name)) {
                    return p;
                }
                installed.add(p.name());
            }
        }
        throw config.invalid(LoginRocketKeys.ENDED_SESSIONS_STORE, "expected memory"
                + (installed.isEmpty() ? "" : " or one of the installed stores " + Set.copyOf(installed))
                + "; for '" + name + "' put its module on the class path (jcache: io.github.lrjakarta:loginrocket-jcache)");
    }
}
