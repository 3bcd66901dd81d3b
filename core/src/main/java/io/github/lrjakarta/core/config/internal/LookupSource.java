package io.github.lrjakarta.core.config.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A named source over a lookup function of canonical keys. */
public final class LookupSource implements ConfigSource {

    private final String name;
    private final int ordinal;
    private final UnaryOperator<String> lookup;

    public LookupSource(String name, int ordinal, UnaryOperator<String> lookup) {
        this.name = Objects.requireNonNull(name, "name");
        this.ordinal = ordinal;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int ordinal() {
        return ordinal;
    }

    @Override
    public String value(String key) {
        return lookup.apply(key);
    }

    @Override
    public String toString() {
        return name + " (ordinal " + ordinal + ")";
    }
}
