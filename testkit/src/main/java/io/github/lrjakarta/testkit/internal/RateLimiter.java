package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.RateLimit;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per path, on the emulator clock. Rules can change at run time.
 * Thread-safe.
 */
public final class RateLimiter {

    /** The verdict for one request on a limited path. */
    public record Decision(boolean allowed, int limit, int remaining, Instant resetAt) {
    }

    private static final class Window {
        Instant start;
        int count;
    }

    private final Map<String, RateLimit> rules = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Replaces every rule and forgets every count. */
    public void setRules(Map<String, RateLimit> newRules) {
        rules.clear();
        rules.putAll(newRules);
        windows.clear();
    }

    /** Adds or replaces the rule for one path and restarts its window. */
    public void setRule(String path, RateLimit limit) {
        rules.put(path, limit);
        windows.remove(path);
    }

    /** Removes the rule for one path. */
    public void removeRule(String path) {
        rules.remove(path);
        windows.remove(path);
    }

    /** Counts a request on {@code path}; empty when the path has no rule. */
    public Optional<Decision> check(String path, Instant now) {
        RateLimit rule = rules.get(path);
        if (rule == null) {
            return Optional.empty();
        }
        Window w = windows.computeIfAbsent(path, p -> new Window());
        synchronized (w) {
            if (w.start == null || !now.isBefore(w.start.plus(rule.window())) || now.isBefore(w.start)) {
                w.start = now;
                w.count = 0;
            }
            Instant reset = w.start.plus(rule.window());
            if (w.count >= rule.limit()) {
                return Optional.of(new Decision(false, rule.limit(), 0, reset));
            }
            w.count++;
            return Optional.of(new Decision(true, rule.limit(), rule.limit() - w.count, reset));
        }
    }
}
