package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.config.ConfigSource;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * JNDI {@code java:comp/env} entries (web.xml {@code env-entry}, {@code env-entry-name}
 * {@code loginrocket.url}). Containers without JNDI (plain embedded Jetty) simply have no values.
 * {@code java:comp} resolves against the calling thread's application, so the config is read at
 * startup on a container thread, as the filter and the initializer do.
 */
public final class JndiSource implements ConfigSource {

    private static final String PREFIX = "java:comp/env/";

    private InitialContext context;
    private boolean unavailable;

    @Override
    public String name() {
        return "JNDI java:comp/env";
    }

    @Override
    public int ordinal() {
        return JNDI;
    }

    @Override
    public synchronized String value(String key) {
        if (unavailable) {
            return null;
        }
        try {
            if (context == null) {
                context = new InitialContext();
            }
            Object value = context.lookup(PREFIX + key);
            return value == null ? null : value.toString();
        } catch (NameNotFoundException e) {
            return null;
        } catch (NoInitialContextException e) {
            unavailable = true;
            return null;
        } catch (NamingException | RuntimeException e) {
            // No java:comp/env here (not a managed thread, or no naming support): nothing to read.
            return null;
        }
    }

    @Override
    public String location(String key) {
        return "JNDI entry " + PREFIX + key;
    }
}
