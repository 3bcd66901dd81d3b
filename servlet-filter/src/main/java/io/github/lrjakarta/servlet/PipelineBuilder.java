package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketFactory;
import io.github.lrjakarta.servlet.internal.ConfigProblems;
import io.github.lrjakarta.servlet.internal.FilterSettings;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * The settings that {@link LoginRocketFilter.Builder} and {@link LoginRocketAuthentication.Builder}
 * share, each with its default, and the one way both turn a configuration into a pipeline. The
 * filter is the pipeline plus CORS and the servlet entry point, so both builders take the same
 * parts; keeping them here means a new part, or a new default, is written once.
 *
 * <p>Package-private on purpose: its setters are public API of the two builders, which inherit
 * them (and javadoc documents them there); nothing else extends it.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class PipelineBuilder<B extends PipelineBuilder<B>> {

    private LoginRocketClient client;
    private LoginRocketTokenVerifier verifier;
    private SSLContext sslContext;
    private Clock clock = Clock.systemUTC();

    PipelineBuilder() {}

    /**
     * A client to share instead of one built from the configuration; it is not closed. Default: one
     * built from the configuration, closed with the filter ({@code destroy()}) or the pipeline
     * ({@code close()}). Unless a {@link #tokenVerifier} is given too, the verifier built from the
     * configuration fetches its key set through this client (its pool, TLS, proxy and {@code
     * httpClientCustomizer}, e.g. a tracing hook), so it must stay open while the filter runs.
     */
    public B client(LoginRocketClient client) {
        this.client = Objects.requireNonNull(client, "client");
        return self();
    }

    /** A verifier to share instead of one built from the configuration. Default: one built from the configuration. */
    public B tokenVerifier(LoginRocketTokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        return self();
    }

    /**
     * TLS context for the client and key-set fetches built from the configuration (an https
     * emulator). Default: the JDK's.
     */
    public B sslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return self();
    }

    /** The clock for cookie lifetimes and refresh decisions (tests). Default: system UTC. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    @SuppressWarnings("unchecked") // B is the class of this builder: each subclass binds B to itself
    private B self() {
        return (B) this;
    }

    /** What was set, frozen for the filter or pipeline being built (the builder may change afterwards). */
    final Parts parts() {
        return new Parts(client, verifier, sslContext, clock);
    }

    /**
     * The configuration's own checks and the pipeline's settings; problems go to {@code problems},
     * which the caller throws once its own checks have run, so one failed deployment reports them all.
     */
    static FilterSettings checkedSettings(LoginRocketConfig config, ConfigProblems problems) {
        problems.run(config::validate);
        return problems.get(() -> new FilterSettings(config, problems));
    }

    /** The settings of one builder, and what they make of a checked configuration. */
    record Parts(LoginRocketClient client, LoginRocketTokenVerifier verifier, SSLContext sslContext, Clock clock) {

        /**
         * The verifier given, else one built from {@code config}; a problem goes to {@code problems}
         * (and null back). A verifier built beside a given client fetches its keys through that
         * client, so the client's TLS, proxy and {@code httpClientCustomizer} (tracing) cover the
         * key-set fetch too.
         */
        LoginRocketTokenVerifier verifier(LoginRocketConfig config, ConfigProblems problems) {
            if (verifier != null) {
                return verifier;
            }
            return problems.get(() -> LoginRocketFactory.of(config).newTokenVerifier(b -> client != null
                    ? b.clock(clock).fetchKeysWith(client)
                    : b.clock(clock).sslContext(sslContext)));
        }

        /**
         * The pipeline, once {@code config} has passed its checks. A client is built from it (with
         * {@code clientOptions} applied last), and owned by the pipeline, unless one was given.
         */
        LoginRocketAuthentication start(LoginRocketConfig config, FilterSettings settings,
                LoginRocketTokenVerifier checkedVerifier, UnaryOperator<LoginRocketClient.Builder> clientOptions) {
            boolean owns = client == null;
            LoginRocketClient c = owns
                    ? LoginRocketFactory.of(config).newClient(b -> clientOptions.apply(b.sslContext(sslContext)))
                    : client;
            return new LoginRocketAuthentication(settings, c, owns, checkedVerifier, clock);
        }
    }
}
