package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.LoginRocketRealm;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import jakarta.enterprise.inject.Default;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name of a LoginRocket realm: the {@link #DEFAULT} realm (keys {@code loginrocket.*}, the
 * unqualified beans) or a named one (keys {@code loginrocket.<name>.*}, beans qualified with {@link
 * LoginRocketRealm}). Annotations spell the default realm {@code ""}; {@link #toString()} says
 * {@code default}, as logs and bean ids do.
 *
 * <p>Immutable and thread-safe.
 */
public final class RealmName implements Comparable<RealmName> {

    /** The default realm. */
    public static final RealmName DEFAULT = new RealmName(null);

    // Names come from annotations and injection points, so there are few; the interceptors ask for
    // theirs on every call.
    private static final Map<String, RealmName> NAMED = new ConcurrentHashMap<>();

    private final String name;

    private RealmName(String name) {
        this.name = name;
    }

    /**
     * The realm an annotation names.
     *
     * @param value {@code ""} for the default realm, else the realm's name
     * @throws IllegalArgumentException for a name that cannot be used in keys; the message says what
     *     is expected
     */
    public static RealmName of(String value) {
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? DEFAULT : NAMED.computeIfAbsent(value, RealmName::validated);
    }

    private static RealmName validated(String name) {
        // The config model owns the rule: it refuses the name when it selects the realm's keys.
        LoginRocketConfig.builder().build().realm(name);
        return new RealmName(name);
    }

    /** Whether this is the default realm. */
    public boolean isDefault() {
        return name == null;
    }

    /** The name; empty for the default realm. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The qualifier of the realm's beans: {@code @Default} or {@code @LoginRocketRealm(name)}. */
    public Annotation qualifier() {
        return name == null ? Default.Literal.INSTANCE : new LoginRocketRealm.Literal(name);
    }

    /** This realm's view of a configuration built for the default realm. */
    public LoginRocketConfig select(LoginRocketConfig config) {
        return name == null ? config : config.realm(name);
    }

    /** The default realm first, then by name. */
    @Override
    public int compareTo(RealmName other) {
        if (Objects.equals(name, other.name)) {
            return 0;
        }
        return name == null ? -1 : other.name == null ? 1 : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealmName && Objects.equals(name, ((RealmName) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    /** {@code default} or the name. */
    @Override
    public String toString() {
        return name == null ? "default" : name;
    }
}
