package io.github.lrjakarta.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two failures that happen before any HTTP, which an emulator cannot show because it would
 * have to not be there: a connection that is refused, and one that is never accepted. Both on
 * loopback, with no network and no root.
 *
 * <p>{@link #refusedUrl()} is the URL of a port nothing listens on: the kernel answers a connection
 * attempt with a reset at once. The port was free when asked for; another process may take it
 * afterwards, which on a test machine is unlikely but possible.
 *
 * <p>{@link #blackHole()} is a listening socket that never accepts and whose accept queue is already
 * full of connections it made to itself: the kernel drops further connection attempts, so a client
 * waits until its connect timeout. This relies on the Linux behaviour for a full queue (SYNs are
 * dropped, {@code net.ipv4.tcp_abort_on_overflow=0}, the default); where the platform accepts or
 * refuses instead, {@code blackHole()} throws {@link IllegalStateException} rather than hand out an
 * endpoint that does not time out.
 *
 * <pre>{@code
 * try (NetworkFaults.BlackHole hole = NetworkFaults.blackHole()) {
 *     client = LoginRocketClient.builder().url(hole.url()).connectTimeout(Duration.ofMillis(200)).build();
 *     ...
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class NetworkFaults {

    /** How long a probe waits to tell a dropped connection attempt from an accepted one. */
    private static final int PROBE_TIMEOUT_MILLIS = 200;
    /** Queue fillers at most: Linux queues backlog + 1 connections. */
    private static final int MAX_FILLERS = 64;

    private NetworkFaults() {
    }

    /** {@code http://127.0.0.1:<port>} where nothing listens: connecting is refused. */
    public static String refusedUrl() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /**
     * A loopback endpoint where connecting times out. Close it to free the port and the sockets.
     *
     * @throws IllegalStateException when this platform does not drop connection attempts to a full
     *                               accept queue
     */
    public static BlackHole blackHole() {
        return new BlackHole();
    }

    /** A listener that never accepts, its queue full; see {@link NetworkFaults#blackHole()}. Thread-safe. */
    public static final class BlackHole implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> fillers = new ArrayList<>();

        private BlackHole() {
            try {
                listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a loopback listener", e);
            }
            try {
                fill();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Connects until a connection attempt is no longer answered: then the queue is full. */
        private void fill() {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            while (fillers.size() < MAX_FILLERS) {
                Socket socket = new Socket();
                try {
                    socket.connect(address, PROBE_TIMEOUT_MILLIS);
                    fillers.add(socket);
                } catch (SocketTimeoutException full) {
                    closeQuietly(socket);
                    return;
                } catch (IOException refused) {
                    closeQuietly(socket);
                    throw new IllegalStateException("this platform refuses connections to a full accept queue;"
                            + " a connect-timeout endpoint cannot be made on loopback here", refused);
                }
            }
            throw new IllegalStateException("this platform accepted " + MAX_FILLERS + " connections without accept();"
                    + " a connect-timeout endpoint cannot be made on loopback here");
        }

        /** {@code http://127.0.0.1:<port>}. */
        public String url() {
            return "http://127.0.0.1:" + port();
        }

        /** The port. */
        public int port() {
            return listener.getLocalPort();
        }

        /** Closes the listener and the queue fillers. Idempotent. */
        @Override
        public synchronized void close() {
            fillers.forEach(BlackHole::closeQuietly);
            fillers.clear();
            closeQuietly(listener);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Nothing to do: the socket is gone either way.
            }
        }

        @Override
        public String toString() {
            return "BlackHole[" + url() + "]";
        }
    }
}
