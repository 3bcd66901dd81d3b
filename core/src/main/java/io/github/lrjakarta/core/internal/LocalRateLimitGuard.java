package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.SharedBackOff;
import io.github.lrjakarta.core.event.RateLimitEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@link RateLimitGuard} of one client, in memory, optionally joined to the other nodes of a
 * cluster through a {@link SharedBackOff}.
 *
 * <p>An episode starts with the first rate-limited answer: one WARNING line names the realm,
 * LoginRocket's request id and the wait. Further rate-limited answers only extend it (to the latest
 * deadline). Once the deadline has passed, one attempt at a time is admitted as the probe; the
 * others are still refused. An answer that is not a rate limit to the probe (or to a retry that
 * waited out its own rate limit) ends the episode with one INFO line counting the refused attempts.
 * Answers to attempts admitted before the episode started neither end nor, unless rate-limited,
 * change it. Time comes from a monotonic ticker in nanoseconds, so that tests can move it.
 *
 * <p>With a shared back-off, the start and every extension of an episode are published as the
 * instant the wait ends (by the wall clock), and the probe's answer as its end. Every {@link
 * #admit} reads the shared instant from local memory: a new one in the future starts (or extends)
 * an episode here too, as if this client had been rate-limited; the shared instant vanishing ends
 * the episode here (another node's probe was answered). Without one ({@link SharedBackOff#none()})
 * the guard behaves exactly as on its own.
 *
 * <p>Thread-safe; the state is guarded by this object's monitor, held only for bookkeeping; the
 * shared back-off is written outside it.
 */
public final class LocalRateLimitGuard implements RateLimitGuard {

    private static final System.Logger LOG = System.getLogger("io.github.lrjakarta.core.LoginRocketClient");

    private final String realm;
    private final LongSupplier ticker;
    private final Listeners listener;
    private final SharedBackOff shared;
    private final boolean sharing;
    private final LongSupplier epochMillis;

    private boolean inEpisode;
    private long deadline;
    private long episodeStart;
    private String startingRequestId;
    private boolean startedElsewhere;
    private LocalPermit probe;
    private long refused;
    /** The shared instant as last read here; a change is news (from another node, or this one's own write). */
    private Instant sharedSeen;
    /** The latest instant this guard published in the current episode, or null. */
    private Instant published;

    /**
     * @param realm the realm URL, named in log lines and refusals
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} outside tests)
     */
    public LocalRateLimitGuard(String realm, LongSupplier ticker) {
        this(realm, ticker, null);
    }

    /** @param listener told when an episode starts and ends, or null */
    public LocalRateLimitGuard(String realm, LongSupplier ticker, Listeners listener) {
        this(realm, ticker, listener, SharedBackOff.none(), System::currentTimeMillis);
    }

    /**
     * @param shared the back-off shared with other nodes, or {@link SharedBackOff#none()}
     * @param epochMillis the wall clock the shared instants are read and written on
     */
    public LocalRateLimitGuard(String realm, LongSupplier ticker, Listeners listener, SharedBackOff shared,
            LongSupplier epochMillis) {
        this.realm = realm;
        this.ticker = ticker;
        this.listener = listener;
        this.shared = Objects.requireNonNull(shared, "shared");
        this.sharing = shared != SharedBackOff.none();
        this.epochMillis = epochMillis;
    }

    @Override
    public synchronized boolean backingOff() {
        followShared(ticker.getAsLong());
        return inEpisode && ticker.getAsLong() - deadline < 0;
    }

    @Override
    public synchronized Permit admit(Permit retryOf, String call) {
        long now = ticker.getAsLong();
        followShared(now);
        if (!inEpisode) {
            return new LocalPermit();
        }
        if (probe == null && retryOf instanceof LocalPermit previous && previous.wasRateLimited
                && previous.reportedDeadline - deadline >= 0) {
            // this retry waited exactly the wait its own rate limit set, and nobody extended it since
            return probe = new LocalPermit();
        }
        if (now - deadline < 0) {
            throw refusal(call, Duration.ofNanos(deadline - now), "");
        }
        if (probe != null) {
            throw refusal(call, DEFAULT_WAIT, " The wait has passed and one probe call is in flight to see whether"
                    + " LoginRocket accepts calls again.");
        }
        return probe = new LocalPermit();
    }

    /** Takes in what other nodes published since the last look: one volatile read when nothing did. */
    private void followShared(long now) {
        if (!sharing) {
            return;
        }
        Instant latest = shared.until();
        if (Objects.equals(latest, sharedSeen)) {
            return;
        }
        Instant previous = sharedSeen;
        sharedSeen = latest;
        if (latest == null) {
            if (inEpisode && previous != null) {
                endEpisode("another node's probe was answered");
            }
            return;
        }
        long remainingMillis = latest.toEpochMilli() - epochMillis.getAsLong();
        if (remainingMillis <= 0) {
            return; // over by this node's clock: a probe is due, not a new wait
        }
        Duration wait = enforcedWait(Duration.ofMillis(remainingMillis));
        long until = now + wait.toNanos();
        if (!inEpisode) {
            startEpisode(now, until, null, true);
            LOG.log(Level.WARNING, () -> "LoginRocket at " + realm + " rate-limited another node of this cluster:"
                    + " refusing calls locally for " + ResponseMapper.human(roundUp(wait)) + ", then probing with one call");
            if (listener != null) {
                listener.rateLimitChanged(new RateLimitEvent(true, wait, null));
            }
        } else if (until - deadline > 0) {
            deadline = until;
        }
    }

    private void startEpisode(long now, long until, String requestId, boolean elsewhere) {
        inEpisode = true;
        episodeStart = now;
        deadline = until;
        startingRequestId = requestId;
        startedElsewhere = elsewhere;
        refused = 0;
    }

    private RateLimitedException refusal(String call, Duration remaining, String more) {
        refused++;
        String who = startedElsewhere ? "another node of this cluster" : "this client";
        return new RateLimitedException("Refused locally, no call made: " + call + " to " + realm + ". LoginRocket"
                + " rate-limited " + who + " (" + ResponseMapper.requestRef(startingRequestId) + ") and the client"
                + " holds back until the wait has passed; try again in " + ResponseMapper.human(roundUp(remaining))
                + "." + more, 429, startingRequestId, List.of(), remaining, null, true);
    }

    private static Duration enforcedWait(Duration requested) {
        return requested == null ? DEFAULT_WAIT : requested.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : requested;
    }

    private Duration rateLimited(LocalPermit permit, Duration requested, String requestId) {
        Duration wait = enforcedWait(requested);
        Instant publish;
        synchronized (this) {
            long now = ticker.getAsLong();
            followShared(now);
            long until = now + wait.toNanos();
            if (permit == probe) {
                probe = null;
            }
            if (!inEpisode) {
                startEpisode(now, until, requestId, false);
                String capped = requested != null && wait != requested
                        ? " (it asked for " + ResponseMapper.human(requested) + ", capped)" : "";
                LOG.log(Level.WARNING, () -> "LoginRocket at " + realm + " rate-limited this client ("
                        + ResponseMapper.requestRef(requestId) + "): refusing calls locally for "
                        + ResponseMapper.human(wait) + capped + ", then probing with one call");
                if (listener != null) {
                    listener.rateLimitChanged(new RateLimitEvent(true, wait, requestId));
                }
            } else if (until - deadline > 0) {
                deadline = until;
                LOG.log(Level.DEBUG, () -> "LoginRocket at " + realm + " rate-limited this client again ("
                        + ResponseMapper.requestRef(requestId) + "): holding back for " + ResponseMapper.human(wait));
            }
            permit.wasRateLimited = true;
            permit.reportedDeadline = until;
            publish = sharing ? toPublish(Instant.ofEpochMilli(epochMillis.getAsLong() + wait.toMillis())) : null;
        }
        if (publish != null) {
            publish(() -> shared.backOff(publish), "publish the back-off");
        }
        return wait;
    }

    /** {@code end} if it is later than what the cluster knows already, else null (nothing to tell). */
    private Instant toPublish(Instant end) {
        for (Instant known : new Instant[] {sharedSeen, published}) {
            if (known != null && !end.isAfter(known)) {
                return null;
            }
        }
        return published = end;
    }

    private void answered(LocalPermit permit) {
        boolean resume;
        synchronized (this) {
            if (permit != probe) {
                return;
            }
            probe = null;
            resume = sharedSeen != null || published != null;
            endEpisode("LoginRocket answered the probe");
        }
        if (resume) {
            publish(shared::resume, "publish the end of the back-off");
        }
    }

    private void endEpisode(String why) {
        inEpisode = false;
        probe = null;
        published = null;
        long seconds = Duration.ofNanos(ticker.getAsLong() - episodeStart).toSeconds();
        long count = refused;
        LOG.log(Level.INFO, () -> "LoginRocket at " + realm + " accepts calls again (" + why + "): the rate-limit"
                + " back-off ended after " + seconds + " s; calls refused locally meanwhile: " + count);
        if (listener != null) {
            listener.rateLimitChanged(new RateLimitEvent(false, Duration.ZERO, null));
        }
    }

    /** A failing shared engine must not fail the call that reports to it; this node's guard is intact. */
    private void publish(Runnable write, String what) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not " + what + " of " + realm + " to the other nodes (" + shared
                    + "); this node backs off on its own", e);
        }
    }

    private synchronized void released(LocalPermit permit) {
        if (permit == probe) {
            probe = null;
        }
    }

    private static Duration roundUp(Duration d) {
        long ms = d.toMillis();
        return Duration.ofSeconds((ms + 999) / 1000);
    }

    private final class LocalPermit implements Permit {
        private boolean reported;
        private boolean wasRateLimited;
        private long reportedDeadline;

        @Override
        public Duration rateLimited(Duration requested, String requestId) {
            if (reported) {
                return enforcedWait(requested);
            }
            reported = true;
            return LocalRateLimitGuard.this.rateLimited(this, requested, requestId);
        }

        @Override
        public void answered() {
            if (!reported) {
                reported = true;
                LocalRateLimitGuard.this.answered(this);
            }
        }

        @Override
        public void released() {
            if (!reported) {
                reported = true;
                LocalRateLimitGuard.this.released(this);
            }
        }
    }
}
