package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.TokenFailure;
import io.github.lrjakarta.core.event.KeySetEvent;
import io.github.lrjakarta.core.internal.Listeners;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * RS256 keys from a realm's {@code /connect/jwks}, looked up by {@code kid}.
 *
 * <p>The key map is an immutable snapshot read without locking. A {@code kid} that is not in it
 * triggers a refetch, but:
 *
 * <ul>
 *   <li>at most one refetch starts per {@code refetchInterval} (after a failed fetch, per {@link
 *       #FAILURE_RETRY} if that is shorter), so forged {@code kid}s cannot flood LoginRocket. The
 *       first successful fetch does not count: a key LoginRocket rotates right after it is fetched
 *       at once, and a flood of forged {@code kid}s costs the first fetch, one refetch, and then
 *       one per interval;
 *   <li>the fetch is single-flight: the first caller fetches on its own thread, concurrent callers
 *       wait for that result (bounded by the fetch timeout) instead of fetching again;
 *   <li>a failed fetch keeps the previous keys ("does not poison the cache"), and so does a key set
 *       with no usable key; a successful fetch replaces the map, so a key LoginRocket withdrew stops
 *       verifying.
 * </ul>
 *
 * <p>The throttle runs on a monotonic ticker ({@code System.nanoTime}), not on the verifier's
 * {@code Clock}: that clock decides claim validity and may be moved (in tests, or by an
 * application verifying a token "as of" some instant taken from the token), and a throttle that
 * followed it could be opened by whoever controls the instant.
 */
public final class JwksKeySource implements KeySource {

    /** Retry pause after a failed fetch when the refetch interval is longer: recover fast, never hammer. */
    static final Duration FAILURE_RETRY = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(JwksKeySource.class.getName());

    private final JwksFetcher fetcher;
    private final Listeners listener;
    private final LongSupplier nanoTime;
    private final long refetchNanos;
    private final long failureRetryNanos;
    private final long waitMillis;

    private volatile Map<String, RsaVerificationKey> keys = Map.of();

    private final Object lock = new Object();
    // guarded by lock
    private CompletableFuture<String> inFlight; // completes with null on success, else the failure reason
    private boolean limited;
    private long nextAttemptNanos;
    private String lastFailure;

    /**
     * @param nanoTime a monotonic ticker, {@code System::nanoTime} outside tests
     */
    public JwksKeySource(JwksFetcher fetcher, LongSupplier nanoTime, Duration refetchInterval, Duration fetchTimeout) {
        this(fetcher, nanoTime, refetchInterval, fetchTimeout, null);
    }

    /** @param listener told about each fetch, or null */
    public JwksKeySource(JwksFetcher fetcher, LongSupplier nanoTime, Duration refetchInterval, Duration fetchTimeout,
            Listeners listener) {
        this.listener = listener;
        this.fetcher = fetcher;
        this.nanoTime = nanoTime;
        this.refetchNanos = refetchInterval.toNanos();
        this.failureRetryNanos = Math.min(refetchNanos, FAILURE_RETRY.toNanos());
        // waiters give the fetching thread its worst case (connect, handshake, headers and a last
        // body read each up to the timeout, see HttpTransport.getWithin) plus time to parse
        this.waitMillis = 4 * fetchTimeout.toMillis() + 1_000;
    }

    @Override
    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.RS256;
    }

    @Override
    public String describe() {
        return "the key set at " + fetcher.describe();
    }

    @Override
    public KeyResolution resolve(String kid) {
        if (kid == null) {
            return KeyResolution.failed(TokenFailure.UNKNOWN_KEY,
                    "the token has no 'kid' header, but keys from " + fetcher.describe() + " are looked up by kid");
        }
        RsaVerificationKey key = keys.get(kid);
        if (key != null) {
            return KeyResolution.found(key);
        }
        CompletableFuture<String> flight;
        boolean leader = false;
        boolean first = false;
        synchronized (lock) {
            key = keys.get(kid);
            if (key != null) {
                return KeyResolution.found(key);
            }
            if (inFlight != null) {
                flight = inFlight;
            } else if (throttled()) {
                return notFound(kid, lastFailure, true);
            } else {
                flight = inFlight = new CompletableFuture<>();
                leader = true;
                first = keys.isEmpty();
            }
        }
        String failure = leader ? fetchAsLeader(flight, first) : await(flight);
        key = keys.get(kid);
        return key != null ? KeyResolution.found(key) : notFound(kid, failure, false);
    }

    /** Whether a fetch may not start yet; called with the lock held. */
    private boolean throttled() {
        return limited && nanoTime.getAsLong() - nextAttemptNanos < 0;
    }

    /**
     * Fetches on this thread for every caller waiting on {@code flight}.
     *
     * @param first whether no key set has been installed yet: a successful first fetch does not
     *     count against the refetch limit, so that a key rotated just after it is not refused for a
     *     whole interval; an unknown {@code kid} after it may refetch at once, then once per interval
     */
    private String fetchAsLeader(CompletableFuture<String> flight, boolean first) {
        long started = nanoTime.getAsLong();
        String failure = null;
        try {
            failure = fetchAndInstall();
        } catch (RuntimeException e) {
            failure = "unexpected " + e.getClass().getSimpleName();
            LOG.log(Level.WARNING, "Unexpected error reading the LoginRocket key set from " + fetcher.describe(), e);
        } finally {
            synchronized (lock) {
                limited = failure != null || !first;
                nextAttemptNanos = started + (failure == null ? refetchNanos : failureRetryNanos);
                lastFailure = failure;
                inFlight = null;
            }
            flight.complete(failure);
            if (listener != null) {
                listener.keySetFetched(new KeySetEvent(failure == null, keys.size(),
                        Duration.ofNanos(nanoTime.getAsLong() - started), failure));
            }
        }
        return failure;
    }

    private String await(CompletableFuture<String> flight) {
        try {
            return flight.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timed out waiting for the key set fetch in progress";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted waiting for the key set";
        } catch (ExecutionException e) {
            return "key set fetch failed";
        }
    }

    /** Fetches and installs the key set; returns null on success, else a reason (never throws IO). */
    private String fetchAndInstall() {
        byte[] body;
        try {
            body = fetcher.fetch();
        } catch (IOException e) {
            String reason = e.getMessage();
            LOG.log(Level.WARNING, "Could not fetch the LoginRocket key set from {0}: {1}; keeping {2} cached key(s)",
                    fetcher.describe(), reason, keys.size());
            return reason;
        }
        JwksParser.Result parsed;
        try {
            parsed = JwksParser.parse(body, body.length);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Unusable LoginRocket key set from {0}: {1}; keeping {2} cached key(s)",
                    fetcher.describe(), e.getMessage(), keys.size());
            return e.getMessage();
        }
        if (!parsed.skipped.isEmpty()) {
            LOG.log(Level.WARNING, "Skipped keys in the LoginRocket key set from {0}: {1}",
                    fetcher.describe(), parsed.skipped);
        }
        if (parsed.keys.isEmpty()) {
            LOG.log(Level.WARNING, "The LoginRocket key set from {0} has no usable RS256 key; keeping {1} cached key(s)",
                    fetcher.describe(), keys.size());
            return "the key set has no usable RS256 key";
        }
        Map<String, RsaVerificationKey> old = keys;
        Map<String, RsaVerificationKey> next = new HashMap<>();
        for (Map.Entry<String, RSAPublicKey> e : parsed.keys.entrySet()) {
            RsaVerificationKey same = old.get(e.getKey());
            // keep the existing object for an unchanged key: its per-thread Signatures stay warm
            next.put(e.getKey(), same != null && same.publicKey().equals(e.getValue())
                    ? same
                    : new RsaVerificationKey(e.getValue()));
        }
        keys = Map.copyOf(next);
        if (!old.keySet().equals(next.keySet())) {
            LOG.log(Level.INFO, "LoginRocket key set from {0}: kids {1}", fetcher.describe(), new TreeSet<>(next.keySet()));
        }
        return null;
    }

    private KeyResolution notFound(String kid, String failure, boolean throttled) {
        if (failure != null) {
            return KeyResolution.failed(TokenFailure.KEYS_UNAVAILABLE, "kid " + SafeText.quote(kid)
                    + " is not among the cached keys and the key set could not be fetched from "
                    + fetcher.describe() + ": " + failure);
        }
        return KeyResolution.failed(TokenFailure.UNKNOWN_KEY, "kid " + SafeText.quote(kid) + " is not in the key set at "
                + fetcher.describe() + (throttled
                        ? " (not refetched: at most one refetch per keyRefetchInterval, "
                                + Duration.ofNanos(refetchNanos).toMillis() + " ms)"
                        : " (just refetched)"));
    }

    /** The number of cached keys, for tests and diagnostics. */
    public int keyCount() {
        return keys.size();
    }
}
