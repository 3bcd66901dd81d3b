package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.config.LoginRocketConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Configuration problems found while starting, collected so one failed deployment reports them all. */
public final class ConfigProblems {

    private final List<String> messages = new ArrayList<>();
    private LoginRocketConfigException first;

    /** Runs a step; a configuration problem is recorded and null returned. */
    public <T> T get(Supplier<T> step) {
        try {
            return step.get();
        } catch (LoginRocketConfigException e) {
            if (first == null) {
                first = e;
            }
            for (String p : e.problems()) {
                if (!messages.contains(p)) {
                    messages.add(p);
                }
            }
            return null;
        }
    }

    /** Runs a step for its checks only. */
    public void run(Runnable step) {
        get(() -> {
            step.run();
            return null;
        });
    }

    /** @throws LoginRocketConfigException listing every problem recorded, if any */
    public void throwIfAny() {
        if (first != null) {
            throw new LoginRocketConfigException(first.key(), first.sourceName().orElse(null), messages);
        }
    }
}
