package io.github.lrjakarta.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges that faults keep open past their handler: requests never answered ({@code
 * noResponse}) and bodies sent a byte at a time ({@code trickle}). None of them occupies a handler
 * thread, so a test that holds many requests cannot starve the emulator; trickling runs on one
 * scheduler thread. {@link #releaseAll()} closes every connection still open (faults cleared, reset);
 * {@link #close()} does the same and ends the scheduler. Thread-safe.
 */
public final class HeldResponses implements AutoCloseable {

    private final Set<HttpExchange> open = new HashSet<>();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "loginrocket-emulator-trickle");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    public HeldResponses() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Leaves the exchange unanswered until released. */
    void hold(HttpExchange exchange) {
        if (!register(exchange)) {
            exchange.close();
        }
    }

    /**
     * Sends the headers now (with {@code Content-Length}), then one byte of {@code body} every
     * {@code interval}; the connection is closed early when released or when the client has gone.
     */
    void trickle(HttpExchange exchange, int status, byte[] body, Duration interval) throws IOException {
        if (!register(exchange)) {
            exchange.close();
            return;
        }
        if (body.length == 0) {
            unregister(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        OutputStream out = exchange.getResponseBody();
        Trickle trickle = new Trickle(exchange, out, body);
        trickle.future = scheduler.scheduleWithFixedDelay(trickle, interval.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private synchronized boolean register(HttpExchange exchange) {
        return !closed && open.add(exchange);
    }

    private synchronized boolean unregister(HttpExchange exchange) {
        return open.remove(exchange);
    }

    /** Closes the connection of every held or trickling exchange. */
    public void releaseAll() {
        List<HttpExchange> released;
        synchronized (this) {
            released = List.copyOf(open);
            open.clear();
        }
        released.forEach(HttpExchange::close);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        releaseAll();
        scheduler.shutdownNow();
    }

    private final class Trickle implements Runnable {
        private final HttpExchange exchange;
        private final OutputStream out;
        private final byte[] body;
        private int sent;
        private volatile ScheduledFuture<?> future;

        Trickle(HttpExchange exchange, OutputStream out, byte[] body) {
            this.exchange = exchange;
            this.out = out;
            this.body = body;
        }

        @Override
        public void run() {
            boolean stillOpen;
            synchronized (HeldResponses.this) {
                stillOpen = open.contains(exchange);
            }
            if (!stillOpen || sent == body.length) {
                stop();
                return;
            }
            try {
                out.write(body[sent++]);
                out.flush();
                if (sent == body.length) {
                    out.close();
                    unregister(exchange);
                    stop();
                }
            } catch (IOException | RuntimeException clientGone) {
                unregister(exchange);
                exchange.close();
                stop();
            }
        }

        private void stop() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
