package io.github.lrjakarta.core;

import io.github.lrjakarta.core.config.internal.Converters;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Confirms now and then, through {@code GET /v2/session}, that the session of a verified token is
 * still alive at LoginRocket, so that a session ended elsewhere (LoginRocket Web's logout, another
 * application of the realm, an administrator) stops working here within an interval instead of
 * when its token expires.
 *
 * <p>Call {@link #check(LoginRocketSession)} with the session of a token that verified, on each
 * authenticated request; the servlet pipeline and the CDI extension do, when {@code
 * loginrocket.session-recheck-interval} is set. A session is confirmed at most once per {@link
 * Builder#interval(Duration) interval}: the {@link SessionChecks} record hands the check to one
 * caller per interval, on this node or, with a shared record ({@code loginrocket-jcache}), on the
 * whole cluster. That caller makes the call on its own thread, with one attempt and through the
 * client's rate-limit guard; every other request answers from local memory. The cost is one call
 * per interval per active session, and one request per session and interval waits for it (at most
 * {@code loginrocket.response-timeout}).
 *
 * <p>Outcomes:
 *
 * <ul>
 *   <li>LoginRocket answers (a {@code full_login}, or a {@code conditional_login}: the token's
 *       selected account is sent, so a multi-user realm does not ask for one): {@link
 *       Outcome#CONFIRMED}.
 *   <li>403: the session is over. It is recorded in the {@link EndedSessions} store (every node
 *       sharing it refuses the session's tokens from then on) and {@link Outcome#ENDED} tells the
 *       caller to refuse this request too.
 *   <li>Anything else (a transport failure, a 429 or the guard backing off, a 5xx, a malformed
 *       answer): {@link Outcome#UNAVAILABLE}, and the token is accepted: fail open, as a token
 *       is without the re-check. The claim stands, so the next try comes an interval later: a
 *       LoginRocket that is down or rate limiting gets no more calls than one that answers.
 * </ul>
 *
 * <p>Nothing here logs or throws a token or session id. Thread-safe; share one per realm.
 *
 * @since 0.2
 */
public final class SessionRecheck {

    private static final System.Logger LOG = System.getLogger(SessionRecheck.class.getName());

    /** What {@link #check(LoginRocketSession)} came to. */
    public enum Outcome {
        /** A claim still holds (a check was made within the interval, here or on another node): no call. */
        NOT_DUE,
        /** LoginRocket confirmed the session just now. */
        CONFIRMED,
        /** The session is over (LoginRocket's 403 now, or known ended before): refuse the request. */
        ENDED,
        /** LoginRocket could not tell (down, rate limiting, garbage); the token stands. */
        UNAVAILABLE
    }

    private final LoginRocketClient client;
    private final Duration interval;
    private final long intervalMillis;
    private final SessionChecks checks;
    private final EndedSessions ended;
    private final Clock clock;

    private SessionRecheck(Builder b) {
        this.client = b.client;
        this.interval = b.interval;
        this.intervalMillis = b.interval.toMillis();
        this.checks = b.checks != null ? b.checks : SessionChecks.inMemory();
        this.ended = b.ended != null ? b.ended : b.client.endedSessions();
        this.clock = b.clock;
    }

    /** A builder; {@link Builder#client} and {@link Builder#interval} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Confirms the session at LoginRocket if its check is due; never throws for anything
     * LoginRocket does.
     *
     * @param session the session of a token that verified
     * @return {@link Outcome#ENDED} if the request must be refused, otherwise why it may go on
     */
    public Outcome check(LoginRocketSession session) {
        String sessionId = session.sessionId();
        if (ended.isEnded(sessionId)) {
            return Outcome.ENDED;
        }
        long now = clock.millis();
        if (!checks.claim(sessionId, now, now + intervalMillis)) {
            return Outcome.NOT_DUE; // the common case: no allocation, no lock
        }
        String account = session.selectedMembership().map(LoginRocketMembership::orgId).orElse(null);
        try {
            client.getSession(sessionId, account, CallOptions.oneAttempt());
            return Outcome.CONFIRMED;
        } catch (AccessDeniedException e) {
            // Every token of the session minted before now expires within one token lifetime from now.
            ended.end(sessionId, Instant.ofEpochMilli(now).plus(Duration.between(session.issuedAt(), session.expiresAt())));
            LOG.log(Level.DEBUG, "Session re-check: LoginRocket says the session is over (request id {0})",
                    e.requestId());
            return Outcome.ENDED;
        } catch (LoginRocketException e) {
            // A refusal by the client's own rate-limit guard was logged once for its whole episode; one
            // line per due session on top would flood the log while LoginRocket asks every node to wait.
            LOG.log(isRefusedLocally(e) ? Level.DEBUG : Level.WARNING, "Session re-check failed, token accepted until"
                    + " the next check: {0} (status {1}, request id {2})", e.getClass().getSimpleName(), e.status(),
                    e.requestId());
            return Outcome.UNAVAILABLE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Session re-check failed unexpectedly, token accepted until the next check: {0}",
                    e.getClass().getName());
            return Outcome.UNAVAILABLE;
        }
    }

    private static boolean isRefusedLocally(LoginRocketException e) {
        return e instanceof RateLimitedException limited && limited.refusedLocally();
    }

    /** The interval between two checks of one session. */
    public Duration interval() {
        return interval;
    }

    @Override
    public String toString() {
        return "SessionRecheck[every " + interval + ", " + checks + "]";
    }

    /**
     * Builder for {@link SessionRecheck}. Not thread-safe.
     *
     * @since 0.2
     */
    public static final class Builder {
        private LoginRocketClient client;
        private Duration interval;
        private SessionChecks checks;
        private EndedSessions ended;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The client that makes the calls (its rate-limit guard and listeners apply). Required. */
        public Builder client(LoginRocketClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * How long a confirmation holds, as {@code loginrocket.session-recheck-interval}. Required;
         * 3 to 15 minutes (AuthRocket's advice for caching a session check). Down to 1 second for a
         * realm on a loopback address only: the testkit emulator, whose calls cost nothing; against
         * LoginRocket a short interval would spend the realm's rate limit on checks.
         */
        public Builder interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The record of claims; share one between nodes to check each session once per cluster. Default: in memory. */
        public Builder sessionChecks(SessionChecks checks) {
            this.checks = Objects.requireNonNull(checks, "checks");
            return this;
        }

        /** Where a session found over is recorded. Default: the client's {@link LoginRocketClient#endedSessions()}. */
        public Builder endedSessions(EndedSessions store) {
            this.ended = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock claims run on. Default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The re-check.
         *
         * @throws IllegalArgumentException if the interval is out of range (the message names the range)
         * @throws IllegalStateException if the client or the interval is missing
         */
        public SessionRecheck build() {
            if (client == null || interval == null) {
                throw new IllegalStateException("client and interval are required");
            }
            Converters.recheckInterval(interval, client.url().isLoopback());
            return new SessionRecheck(this);
        }
    }
}
