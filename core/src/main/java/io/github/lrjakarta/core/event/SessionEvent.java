package io.github.lrjakarta.core.event;

/**
 * A session refresh or logout done by the servlet filter. Carries no session id.
 *
 * @param kind refresh or logout
 * @param outcome how it ended
 * @since 0.2
 */
public record SessionEvent(Kind kind, Outcome outcome) {

    /** What was done. */
    public enum Kind {
        /** A token about to expire (or just expired) was traded for a fresh one. */
        REFRESH,
        /** The user logged out. */
        LOGOUT
    }

    /** How it ended. */
    public enum Outcome {
        /** Done. */
        SUCCESS,
        /** LoginRocket says the session is over (403). */
        ENDED,
        /** LoginRocket could not be asked, or answered something unusable; the state is unchanged. */
        FAILED
    }
}
