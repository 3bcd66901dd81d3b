package io.github.lrjakarta.core;

import java.time.Instant;

/**
 * The rate-limit back-off of one realm, shared by every node of a cluster: when LoginRocket answers
 * one node with a 429 (or a 503 that names a wait), every node refuses calls locally until that
 * wait has passed, instead of each node finding out with a call of its own.
 *
 * <p>A client asks its back-off before every call, so {@link #until()} must answer from local
 * memory (a volatile read), never block and never make a network call; implementations keep a
 * local copy that the shared engine's events update. {@link #backOff(Instant)} and {@link
 * #resume()} are called once per episode and node, outside the client's locks, and may take a
 * network round trip.
 *
 * <p>The episode, as every client sees it: the node that is rate-limited publishes the end of the
 * wait (capped at 5 minutes); every node refuses calls until then; afterwards each node lets one
 * probe call through, and the first probe LoginRocket answers without asking to wait ends the
 * episode on every node ({@link #resume()}). A node joins an episode only while its end is in the
 * future by its own clock, so an entry left behind by a crashed node, or a clock far ahead, holds
 * no node back for longer than the cap.
 *
 * <p>{@link #none()} (the default) shares nothing: each client backs off on its own. Module {@code
 * loginrocket-jcache} shares it through the same JCache cache as the ended sessions ({@code
 * loginrocket.ended-sessions.store=jcache}). Give every client of a realm on a node the same
 * instance. Implementations are thread-safe.
 *
 * @since 0.2
 */
public interface SharedBackOff {

    /**
     * The end of the wait the cluster holds back for, as last heard from any node, or {@code
     * null} when no node is backing off. Answered from local memory.
     *
     * @return the instant, or null; it may be in the past (an episode whose probe has not answered yet)
     */
    Instant until();

    /**
     * This node was rate-limited: every node should refuse calls until {@code until}. An earlier
     * instant than the one already published does not shorten the wait.
     *
     * @param until the end of the wait LoginRocket gave, capped
     */
    void backOff(Instant until);

    /** LoginRocket answered a probe without asking to wait: the episode is over for every node. */
    void resume();

    /**
     * No sharing: each client backs off on its own, as one node needs. {@link #until()} is always
     * null and the other methods do nothing.
     *
     * @return the shared instance
     */
    static SharedBackOff none() {
        return NoSharedBackOff.INSTANCE;
    }
}

/** {@link SharedBackOff#none()}. */
enum NoSharedBackOff implements SharedBackOff {
    INSTANCE;

    @Override
    public Instant until() {
        return null;
    }

    @Override
    public void backOff(Instant until) {}

    @Override
    public void resume() {}

    @Override
    public String toString() {
        return "SharedBackOff.none()";
    }
}
