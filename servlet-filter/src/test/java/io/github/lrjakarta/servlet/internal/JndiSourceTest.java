package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JNDI source reads {@code java:comp/env} entries (web.xml {@code env-entry}s) through the container's naming. */
class JndiSourceTest {

    /** What the container's naming holds for the application: its {@code env-entry}s. */
    static final Map<String, Object> ENTRIES = Map.of(
            "java:comp/env/loginrocket.url", "https://jndi.e2.loginrocket.com",
            "java:comp/env/loginrocket.max-connections", 7);

    /** A naming implementation as a container installs one, answering from {@link #ENTRIES}. */
    public static final class EnvEntries implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args[0] instanceof String name) {
                            Object value = ENTRIES.get(name);
                            if (value == null) {
                                throw new NameNotFoundException(name);
                            }
                            return value;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @AfterEach
    void removeNaming() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Test
    void anEnvEntryIsAValueAndAMissingOneIsNone() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, EnvEntries.class.getName());
        JndiSource jndi = new JndiSource();
        assertThat(jndi.value("loginrocket.url")).isEqualTo("https://jndi.e2.loginrocket.com");
        assertThat(jndi.value("loginrocket.max-connections")).as("a typed env-entry, as text").isEqualTo("7");
        assertThat(jndi.value("loginrocket.locale")).isNull();
    }
}
