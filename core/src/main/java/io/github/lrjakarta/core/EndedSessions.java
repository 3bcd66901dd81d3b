package io.github.lrjakarta.core;

import java.time.Instant;

/**
 * The LoginRocket sessions this application knows to be over, so that a token of a logged-out
 * session is refused at once instead of working until it expires.
 *
 * <p>A login token is checked without asking LoginRocket, so after a logout every other copy of
 * it (a front end holding it as a bearer token, a stolen cookie, a cached verification) would keep
 * working until its {@code exp}. {@link LoginRocketClient#logout(String)} therefore records the
 * session here before it returns, and {@link LoginRocketTokenVerifier} consults this store on every
 * verification, cache hits included, refusing such tokens with {@link TokenFailure#SESSION_ENDED}.
 * Give the client and the verifier the same instance (the {@code LoginRocketConfig} factories do).
 *
 * <p>An entry is kept {@code until} the longest-lived token of the session has expired; after that
 * the token's own {@code exp} refuses it and the entry can go. {@link #inMemory()} is enough for
 * one node. Several nodes share one store through a distributed cache they already run (module
 * {@code loginrocket-jcache}), so a logout on one node holds on all of them.
 *
 * <p><b>Threading and cost.</b> Implementations are thread-safe. {@link #isEnded(String)} runs on
 * every authenticated request: it must answer from local memory (a lock-free map lookup), never
 * block and never make a network call; {@link #end(String, Instant)} may be slower.
 *
 * @since 0.2
 */
public interface EndedSessions {

    /**
     * Records that a session is over. Recording a session again keeps the later {@code until}.
     *
     * @param sessionId the session id ({@code kss_…}), not null
     * @param until when the last token of the session expires; the entry may be dropped after it
     */
    void end(String sessionId, Instant until);

    /**
     * Whether a session is known to be over. Answered from local memory.
     *
     * @param sessionId the session id of a token, not null
     * @return true if the session was ended and its entry has not yet expired
     */
    boolean isEnded(String sessionId);

    /**
     * A store in this JVM's memory, for one node: at most {@value InMemoryEndedSessions#DEFAULT_MAX_ENTRIES}
     * entries, on the system clock.
     *
     * @return a new, empty store
     */
    static EndedSessions inMemory() {
        return InMemoryEndedSessions.builder().build();
    }
}
