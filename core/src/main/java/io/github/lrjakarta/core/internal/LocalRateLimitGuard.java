package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.event.RateLimitEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@link RateLimitGuard} of one client, in memory.
 *
 * <p>An episode starts with the first rate-limited answer: one WARNING line names the realm,
 * LoginRocket's request id and the wait. Further rate-limited answers only extend it (to the latest
 * deadline). Once the deadline has passed, one attempt at a time is admitted as the probe; the
 * others are still refused. An answer that is not a rate limit to the probe (or to a retry that
 * waited out its own rate limit) ends the episode with one INFO line counting the refused attempts.
 * Answers to attempts admitted before the episode started neither end nor, unless rate-limited,
 * change it. Time comes from a monotonic ticker in nanoseconds, so that tests can move it.
 *
 * <p>Thread-safe; the state is guarded by this object's monitor, held only for bookkeeping.
 */
public final class LocalRateLimitGuard implements RateLimitGuard {

    private static final System.Logger LOG = System.getLogger("io.github.lrjakarta.core.LoginRocketClient");

    private final String realm;
    private final LongSupplier ticker;
    private final Listeners listener;

    private boolean inEpisode;
    private long deadline;
    private long episodeStart;
    private String startingRequestId;
    private LocalPermit probe;
    private long refused;

    /**
     * @param realm the realm URL, named in log lines and refusals
     * @param ticker monotonic nanoseconds ({@code System::nanoTime} outside tests)
     */
    public LocalRateLimitGuard(String realm, LongSupplier ticker) {
        this(realm, ticker, null);
    }

    /** @param listener told when an episode starts and ends, or null */
    public LocalRateLimitGuard(String realm, LongSupplier ticker, Listeners listener) {
        this.realm = realm;
        this.ticker = ticker;
        this.listener = listener;
    }

    @Override
    public synchronized boolean backingOff() {
        return inEpisode && ticker.getAsLong() - deadline < 0;
    }

    @Override
    public synchronized Permit admit(Permit retryOf, String call) {
        if (!inEpisode) {
            return new LocalPermit();
        }
        long now = ticker.getAsLong();
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

    private RateLimitedException refusal(String call, Duration remaining, String more) {
        refused++;
        return new RateLimitedException("Refused locally, no call made: " + call + " to " + realm + ". LoginRocket"
                + " rate-limited this client (" + ResponseMapper.requestRef(startingRequestId) + ") and the client"
                + " holds back until the wait has passed; try again in " + ResponseMapper.human(roundUp(remaining))
                + "." + more, 429, startingRequestId, List.of(), remaining, null, true);
    }

    private static Duration enforcedWait(Duration requested) {
        return requested == null ? DEFAULT_WAIT : requested.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : requested;
    }

    private synchronized Duration rateLimited(LocalPermit permit, Duration requested, String requestId) {
        Duration wait = enforcedWait(requested);
        long now = ticker.getAsLong();
        long until = now + wait.toNanos();
        if (permit == probe) {
            probe = null;
        }
        if (!inEpisode) {
            inEpisode = true;
            episodeStart = now;
            deadline = until;
            startingRequestId = requestId;
            refused = 0;
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
        return wait;
    }

    private synchronized void answered(LocalPermit permit) {
        if (permit != probe) {
            return;
        }
        probe = null;
        inEpisode = false;
        long seconds = Duration.ofNanos(ticker.getAsLong() - episodeStart).toSeconds();
        long count = refused;
        LOG.log(Level.INFO, () -> "LoginRocket at " + realm + " accepts calls again: the rate-limit back-off ended"
                + " after " + seconds + " s; calls refused locally meanwhile: " + count);
        if (listener != null) {
            listener.rateLimitChanged(new RateLimitEvent(false, Duration.ZERO, null));
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
