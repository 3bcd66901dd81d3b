package io.github.lrjakarta.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the emulator received, oldest first: every one but the {@code /_emulator/} controls,
 * also those a fault answered or dropped. The log keeps the last {@link #MAX_RECORDED} requests;
 * {@link #count(String)} counts all of them. Thread-safe.
 *
 * @since 0.2
 */
public final class RecordedRequests {

    /** Requests kept by {@link #all()}; older ones are dropped ({@link #count} still counts them). */
    public static final int MAX_RECORDED = 10_000;

    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final Map<String, Integer> counts = new HashMap<>();

    RecordedRequests() {
    }

    /** The recorded requests, oldest first; at most {@value #MAX_RECORDED}. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(recorded);
    }

    /** How many requests arrived for a path (exact match, e.g. {@code /connect/jwks}) since start or the last clear. */
    public synchronized int count(String path) {
        return counts.getOrDefault(path, 0);
    }

    /** Forgets recorded requests and counts. */
    public synchronized void clear() {
        recorded.clear();
        counts.clear();
    }

    synchronized void add(RecordedRequest request) {
        recorded.addLast(request);
        if (recorded.size() > MAX_RECORDED) {
            recorded.removeFirst();
        }
        counts.merge(request.path(), 1, Integer::sum);
    }
}
