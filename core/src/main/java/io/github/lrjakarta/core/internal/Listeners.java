package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.event.KeySetEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.RateLimitEvent;
import io.github.lrjakarta.core.event.VerificationEvent;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The registered listeners as one: each event goes to each listener in order, and a listener that
 * throws is logged (once per listener class) and skipped, so monitoring can never fail a call or a
 * verification. Thread-safe.
 */
public final class Listeners implements LoginRocketListener {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final LoginRocketListener[] listeners;
    private final Set<Class<?>> reported = ConcurrentHashMap.newKeySet();

    private Listeners(List<LoginRocketListener> listeners) {
        this.listeners = listeners.toArray(new LoginRocketListener[0]);
    }

    /**
     * The listeners as one, or null if there are none: callers test for null, so that without a
     * listener no event is even built.
     */
    public static Listeners of(List<LoginRocketListener> listeners) {
        return listeners.isEmpty() ? null : new Listeners(List.copyOf(listeners));
    }

    @Override
    public void callCompleted(CallEvent event) {
        each(l -> l.callCompleted(event));
    }

    @Override
    public void tokenVerified(VerificationEvent event) {
        // Written out rather than through each(): this runs on every verification, and the
        // capturing lambda would allocate.
        for (LoginRocketListener l : listeners) {
            try {
                l.tokenVerified(event);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    @Override
    public void keySetFetched(KeySetEvent event) {
        each(l -> l.keySetFetched(event));
    }

    @Override
    public void rateLimitChanged(RateLimitEvent event) {
        each(l -> l.rateLimitChanged(event));
    }

    private void each(Consumer<LoginRocketListener> delivery) {
        for (LoginRocketListener l : listeners) {
            try {
                delivery.accept(l);
            } catch (RuntimeException e) {
                failed(l, e);
            }
        }
    }

    private void failed(LoginRocketListener l, RuntimeException e) {
        if (reported.add(l.getClass())) {
            LOG.log(Level.WARNING, "LoginRocket listener " + l.getClass().getName()
                    + " threw; its failures are ignored from now on (reported once)", e);
        }
    }
}
