package io.github.lrjakarta.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault injection by request path. A path is matched exactly ({@code /v2/login},
 * {@code /connect/jwks}, {@code /login}); {@link #ALL_PATHS} matches every path except the
 * {@code /_emulator/} controls. Faults for a path are used in the order they were injected; one with
 * a count is removed when used up. Exact-path faults win over {@link #ALL_PATHS} ones. Thread-safe.
 *
 * @since 0.1
 */
public final class Faults {

    /** Matches every request path except {@code /_emulator/…}. */
    public static final String ALL_PATHS = "*";

    private final Map<String, List<Remaining>> byPath = new LinkedHashMap<>();
    private final Runnable releaseHeld;

    Faults(Runnable releaseHeld) {
        this.releaseHeld = releaseHeld;
    }

    /** Adds a fault for a path and returns this for chaining. */
    public synchronized Faults inject(String path, Fault fault) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fault, "fault");
        if (!path.equals(ALL_PATHS) && !path.startsWith("/")) {
            throw new IllegalArgumentException("fault path must start with / or be *, got: " + path);
        }
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(new Remaining(fault));
        return this;
    }

    /** Removes the faults of one path; requests already held or trickling stay so (see {@link #clear()}). */
    public synchronized void clear(String path) {
        byPath.remove(path);
    }

    /**
     * Removes every fault, and closes the connections of requests held by {@link Fault#noResponse()}
     * or still trickling ({@link Fault#trickle}).
     */
    public void clear() {
        synchronized (this) {
            byPath.clear();
        }
        releaseHeld.run();
    }

    /** The faults still active, by path. */
    public synchronized Map<String, List<Fault>> active() {
        Map<String, List<Fault>> copy = new LinkedHashMap<>();
        byPath.forEach((path, list) -> copy.put(path, list.stream().map(r -> r.fault).toList()));
        return copy;
    }

    /** Consumes one use of the fault that applies to a request on {@code path}, if any. */
    synchronized Optional<Fault> take(String path) {
        Optional<Fault> exact = takeFrom(path);
        return exact.isPresent() ? exact : takeFrom(ALL_PATHS);
    }

    private Optional<Fault> takeFrom(String key) {
        List<Remaining> list = byPath.get(key);
        if (list == null) {
            return Optional.empty();
        }
        Iterator<Remaining> it = list.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Remaining first = it.next();
        if (first.left != Fault.ALWAYS && --first.left == 0) {
            it.remove();
            if (list.isEmpty()) {
                byPath.remove(key);
            }
        }
        return Optional.of(first.fault);
    }

    private static final class Remaining {
        final Fault fault;
        int left;

        Remaining(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }
}
