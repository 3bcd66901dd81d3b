package io.github.lrjakarta.core;

/**
 * Until when each active session counts as confirmed at LoginRocket: the record that keeps {@link
 * SessionRecheck} to one {@code GET /v2/session} per session and interval, on one node or, shared,
 * across a whole cluster.
 *
 * <p>A check is claimed before it is made: {@link #claim} succeeds for exactly one caller once the
 * previous claim has run out, and that caller asks LoginRocket; everyone else, on this node or
 * (with a shared store) any other, goes on without a call. A claim holds whatever the call's
 * outcome, so a LoginRocket that is down or rate limiting sees no more calls than one that answers.
 *
 * <p><b>Threading and cost.</b> Implementations are thread-safe. {@link #claim} runs on every
 * authenticated request while the re-check is on: while a claim holds it must answer from local
 * memory, lock-free; only a claim that ran out may cost a round trip to shared state.
 *
 * @since 0.2
 */
public interface SessionChecks {

    /**
     * Claims the next check of a session if it is due: no claim on it holds past {@code nowMillis}.
     * Times are epoch milliseconds, so that the common answer (a claim holds) allocates nothing.
     *
     * @param sessionId the session id ({@code kss_…}), not null
     * @param nowMillis the caller's current time
     * @param untilMillis when the claim runs out, the next check falls due
     * @return true if this caller holds the claim and must make the check; false if a claim (this
     *     node's or another's) still holds
     */
    boolean claim(String sessionId, long nowMillis, long untilMillis);

    /**
     * A record in this JVM's memory, for one node, of at most {@value InMemoryEndedSessions#DEFAULT_MAX_ENTRIES}
     * sessions.
     *
     * @return a new, empty record
     */
    static SessionChecks inMemory() {
        return InMemorySessionChecks.builder().build();
    }
}
