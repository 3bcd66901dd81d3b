package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import java.lang.System.Logger.Level;

/**
 * MicroProfile Config at {@link ConfigSource#MICROPROFILE_CONFIG}, when the application has it.
 *
 * <p>Registered in {@code META-INF/services/io.github.lrjakarta.core.config.ConfigSource}, so every
 * config built with {@code LoginRocketConfig.Builder.discoveredSources} (the CDI extension's and the
 * servlet filter's) consults it. The MicroProfile API is optional: without it (or without an
 * implementation) this source defines nothing and never loads a MicroProfile class. Values are
 * read live from {@code ConfigProvider.getConfig()}, i.e. the config of the calling thread's
 * context class loader (the application's).
 */
public final class MicroProfileConfigSource implements ConfigSource {

    private static final System.Logger LOG = System.getLogger(MicroProfileConfigSource.class.getName());
    private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private final boolean available;

    /** Checks once whether the MicroProfile Config API is visible. */
    public MicroProfileConfigSource() {
        this.available = apiVisible();
    }

    private static boolean apiVisible() {
        try {
            Class.forName(PROVIDER, false, MicroProfileConfigSource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String name() {
        return available ? "MicroProfile Config" : "MicroProfile Config (not installed)";
    }

    @Override
    public int ordinal() {
        return MICROPROFILE_CONFIG;
    }

    @Override
    public String value(String key) {
        if (!available) {
            return null;
        }
        try {
            return MicroProfileLookup.value(key);
        } catch (IllegalStateException | LinkageError e) {
            // The API without an implementation (no ConfigProviderResolver), or an incompatible one.
            LOG.log(Level.DEBUG, "MicroProfile Config unusable; ignoring it as a LoginRocket config source", e);
            return null;
        }
    }

    @Override
    public String toString() {
        return name() + " (ordinal " + MICROPROFILE_CONFIG + ")";
    }
}
