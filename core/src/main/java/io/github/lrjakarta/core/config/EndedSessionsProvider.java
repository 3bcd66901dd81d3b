package io.github.lrjakarta.core.config;

import io.github.lrjakarta.core.EndedSessions;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.InMemorySessionChecks;
import io.github.lrjakarta.core.SessionChecks;

/**
 * A kind of shared {@link EndedSessions} store (and with it a {@link SharedBackOff}) that {@code loginrocket.ended-sessions.store}
 * can name, registered in {@code META-INF/services/io.github.lrjakarta.core.config.EndedSessionsProvider}:
 * how an optional module (the JCache adapter, {@code jcache}) plugs in without core depending on it.
 *
 * <p>{@link LoginRocketFactory#endedSessions()} calls {@link #create(LoginRocketConfig)} once per
 * realm URL and distinct setting of the {@code ended-sessions.*} keys in a class loader, and hands the same store
 * to every client and verifier built from such a config.
 *
 * @since 0.2
 */
public interface EndedSessionsProvider {

    /** The value of {@code loginrocket.ended-sessions.store} that selects this provider, e.g. {@code jcache}. */
    String name();

    /**
     * Creates the store, connecting to what it shares state through.
     *
     * @param config the realm's configuration, for this provider's {@code ended-sessions.<name>.*} keys
     * @return the store
     * @throws LoginRocketConfigException for a missing or bad value, naming the key (use {@link
     *     LoginRocketConfig#invalid(String, String)})
     */
    EndedSessions create(LoginRocketConfig config);

    /**
     * Creates the rate-limit back-off the nodes share through the same engine, so that a 429 seen
     * by one node holds back every node. Called once per realm URL and distinct setting of the
     * {@code ended-sessions.*} keys, like {@link #create(LoginRocketConfig)}; every client built
     * from such a config gets it.
     *
     * @param config the realm's configuration
     * @return the back-off; the default, {@link SharedBackOff#none()}, shares nothing
     * @throws LoginRocketConfigException for a missing or bad value, naming the key
     * @since 0.2
     */
    default SharedBackOff createSharedBackOff(LoginRocketConfig config) {
        return SharedBackOff.none();
    }

    /**
     * Creates the record of session-check claims ({@code loginrocket.session-recheck-interval}),
     * on the same shared state as {@link #create}, so that each session is checked once per
     * interval across the cluster. Called like {@link #create}, once per realm URL and setting.
     *
     * @param config the realm's configuration
     * @return the record; by default one in this JVM's memory, so that every node checks on its own
     * @throws LoginRocketConfigException for a missing or bad value, naming the key
     */
    default SessionChecks createSessionChecks(LoginRocketConfig config) {
        return InMemorySessionChecks.builder()
                .maxEntries(config.getInt(LoginRocketKeys.ENDED_SESSIONS_MAX_ENTRIES))
                .build();
    }
}
