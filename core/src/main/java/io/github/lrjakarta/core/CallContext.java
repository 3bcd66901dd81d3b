package io.github.lrjakarta.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Call options bound to the current thread for the duration of a piece of work, typically one
 * incoming HTTP request.
 *
 * <p>The servlet filter binds the browser's {@code User-Agent} and {@code Accept-Language} here
 * while the request passes through it, so that application code calling {@link LoginRocketClient}
 * from a JAX-RS resource forwards them without passing {@link CallOptions} around. Explicit
 * {@code CallOptions} given to a call win field by field over the bound ones, which in turn win
 * over the client's defaults.
 *
 * <pre>{@code
 * try (CallContext.Scope scope = CallContext.bind(CallOptions.builder()
 *         .endUserAgent(request.getHeader("User-Agent"))
 *         .locale(request.getLocale())
 *         .build())) {
 *     chain.doFilter(request, response);
 * }
 * }</pre>
 *
 * <p>Threading: the binding is a plain thread-local. It is <em>not</em> inherited by other threads
 * (executors, async servlets, virtual threads started by the application); bind again there.
 * Scopes nest: closing a scope restores what was bound before it, so always close scopes in
 * reverse order, ideally with try-with-resources.
 *
 * @since 0.1
 */
public final class CallContext {

    private static final ThreadLocal<CallOptions> CURRENT = new ThreadLocal<>();

    private CallContext() {}

    /**
     * Binds options to the current thread until the returned scope is closed.
     *
     * @param options the options to bind
     * @return the scope; closing it restores the previous binding (closing twice does nothing)
     */
    public static Scope bind(CallOptions options) {
        Objects.requireNonNull(options, "options");
        CallOptions previous = CURRENT.get();
        CURRENT.set(options);
        return new Scope() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        };
    }

    /** The options bound to the current thread, if any. */
    public static Optional<CallOptions> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * A binding made by {@link #bind(CallOptions)}. Close it on the thread that opened it.
     *
     * @since 0.1
     */
    public interface Scope extends AutoCloseable {
        /** Restores the binding that was current before this scope was opened. */
        @Override
        void close();
    }
}
