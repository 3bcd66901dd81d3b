package io.github.lrjakarta.servlet.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions logged out through this pipeline, remembered until every token minted for them before
 * the logout has expired. A login token verifies locally (and sits in the verifier's cache)
 * until it expires; without this memory, a copy of the token sent after the logout (another tab, a
 * script, a stolen cookie) would still be accepted here. Logouts made elsewhere are not seen: ask
 * LoginRocket ({@code client.getSession}) where that matters. At most {@link #MAX_ENTRIES} sessions
 * are kept, the oldest evicted first. Thread-safe.
 */
public final class EndedSessions {

    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> untilBySession = new ConcurrentHashMap<>();

    public EndedSessions(Clock clock) {
        this.clock = clock;
    }

    /** Remembers a logged-out session until {@code tokenExpiresAt} (the latest expiry of its tokens). */
    public void end(String sessionId, Instant tokenExpiresAt) {
        Instant now = clock.instant();
        if (untilBySession.size() >= MAX_ENTRIES) {
            untilBySession.values().removeIf(until -> !until.isAfter(now));
            if (untilBySession.size() >= MAX_ENTRIES) {
                untilBySession.entrySet().stream().min(java.util.Map.Entry.comparingByValue())
                        .ifPresent(oldest -> untilBySession.remove(oldest.getKey(), oldest.getValue()));
            }
        }
        untilBySession.merge(sessionId, tokenExpiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether the session was logged out here and tokens of it may still verify. */
    public boolean isEnded(String sessionId) {
        if (untilBySession.isEmpty()) {
            return false; // the common case: one map lookup avoided
        }
        Instant until = untilBySession.get(sessionId);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(clock.instant())) {
            untilBySession.remove(sessionId, until);
            return false;
        }
        return true;
    }
}
