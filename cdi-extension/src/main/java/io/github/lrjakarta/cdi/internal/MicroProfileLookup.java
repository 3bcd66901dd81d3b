package io.github.lrjakarta.cdi.internal;

import org.eclipse.microprofile.config.ConfigProvider;

/** The only class that touches MicroProfile Config; loaded only when its API is visible. */
final class MicroProfileLookup {

    private MicroProfileLookup() {}

    static String value(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null);
    }
}
