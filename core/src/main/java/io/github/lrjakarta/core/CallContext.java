package io.github.lrjakarta.core;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * <p><b>Lazy binding.</b> Most requests never call LoginRocket, so options can also be bound as a
 * recipe: {@link #bind(Supplier)}, or {@link #bind(Object, Function)} (which allocates nothing when
 * given a method reference such as {@code bind(request, MyOptions::of)} and nothing was bound
 * before; a binding nested in another allocates its small scope). The recipe runs on the
 * first {@link #current()} of its binding, that is when a LoginRocket call is actually made, and
 * its result is kept for the rest of the binding. Until then, binding costs a thread-local lookup
 * and a few field writes; no options are built.
 *
 * <p>Threading: the binding is per thread. It is <em>not</em> inherited by other threads
 * (executors, async servlets, virtual threads started by the application); bind again there. A
 * recipe runs on the thread that bound it. Scopes nest: closing a scope restores what was bound
 * before it, so always close scopes in reverse order, ideally with try-with-resources.
 *
 * @since 0.1
 */
public final class CallContext {

    /** A lazy binding whose recipe produced no options. */
    private static final Object NOTHING = new Object();

    private static final Function<Supplier<CallOptions>, CallOptions> SUPPLIER = Supplier::get;

    /** The index in a thread's slots of the bound source, the recipe, and the computed options. */
    private static final int SOURCE = 0;
    private static final int RECIPE = 1;
    private static final int COMPUTED = 2;

    /**
     * Per thread, the current binding: the source (the options themselves for an eager binding,
     * what the recipe reads for a lazy one; null when nothing is bound), the recipe (null for an
     * eager binding), and what the recipe computed (null until it ran, {@link #NOTHING} if it
     * produced no options). The array is created once per thread and reused, because setting and
     * removing a thread-local allocates a map entry each time. It is a JDK type and all its slots
     * are cleared when the outermost scope closes, so pooled threads pin no application class
     * loader after an undeploy.
     */
    private static final ThreadLocal<Object[]> SLOTS = new ThreadLocal<>();

    /**
     * Closes a binding made while nothing was bound, the common case (one per request): there is
     * nothing to restore, so a shared instance serves, and binding allocates nothing.
     */
    private static final Scope OUTERMOST = () -> {
        Object[] slots = SLOTS.get();
        if (slots != null) { // null only if closed on a thread that never bound anything
            slots[SOURCE] = null;
            slots[RECIPE] = null;
            slots[COMPUTED] = null;
        }
    };

    private CallContext() {}

    /**
     * Binds options to the current thread until the returned scope is closed.
     *
     * @param options the options to bind
     * @return the scope; closing it restores the previous binding (see {@link Scope#close()})
     */
    public static Scope bind(CallOptions options) {
        return push(Objects.requireNonNull(options, "options"), null);
    }

    /**
     * Binds options that are computed only if a LoginRocket call asks for them during the scope.
     *
     * @param options computes the options on the first {@link #current()} within the scope, on the
     *     binding thread, at most once per binding (again only if it threw); may return {@code
     *     null} for none; must not itself call {@link #current()}
     * @return the scope; closing it restores the previous binding (see {@link Scope#close()})
     */
    public static Scope bind(Supplier<CallOptions> options) {
        return bind(Objects.requireNonNull(options, "options"), SUPPLIER);
    }

    /**
     * Binds options that are computed from {@code source} only if a LoginRocket call asks for them
     * during the scope. With a method reference or a lambda that captures nothing, and nothing
     * bound before, binding allocates nothing: it suits per-request binding on a hot path.
     *
     * @param source what the options are computed from, e.g. the incoming request; kept until the
     *     scope closes
     * @param options computes the options from {@code source} on the first {@link #current()}
     *     within the scope, on the binding thread, at most once per binding (again only if it
     *     threw); may return {@code null} for none; must not itself call {@link #current()}
     * @param <T> the type of the source
     * @return the scope; closing it restores the previous binding (see {@link Scope#close()})
     */
    public static <T> Scope bind(T source, Function<? super T, CallOptions> options) {
        return push(Objects.requireNonNull(source, "source"), Objects.requireNonNull(options, "options"));
    }

    /**
     * The options bound to the current thread, if any. For a lazy binding, the first call computes
     * them (exceptions of the recipe propagate to the caller).
     */
    public static Optional<CallOptions> current() {
        Object[] slots = SLOTS.get();
        if (slots == null || slots[SOURCE] == null) {
            return Optional.empty();
        }
        Object recipe = slots[RECIPE];
        if (recipe == null) {
            return Optional.of((CallOptions) slots[SOURCE]);
        }
        Object computed = slots[COMPUTED];
        if (computed == null) {
            @SuppressWarnings("unchecked")
            CallOptions options = ((Function<Object, CallOptions>) recipe).apply(slots[SOURCE]);
            computed = options == null ? NOTHING : options;
            slots[COMPUTED] = computed;
        }
        return computed == NOTHING ? Optional.empty() : Optional.of((CallOptions) computed);
    }

    private static Scope push(Object source, Function<?, CallOptions> recipe) {
        Object[] slots = SLOTS.get();
        if (slots == null) {
            slots = new Object[3];
            SLOTS.set(slots);
        }
        Scope scope;
        if (slots[SOURCE] == null) {
            scope = OUTERMOST; // every slot is null already
        } else {
            scope = new Nested(slots);
            slots[COMPUTED] = null;
        }
        slots[SOURCE] = source;
        slots[RECIPE] = recipe;
        return scope;
    }

    /** Closes a binding made over another one, restoring it (including options it had computed). */
    private static final class Nested implements Scope {
        private final Object[] slots;
        private final Object source;
        private final Object recipe;
        private final Object computed;
        private boolean closed;

        Nested(Object[] slots) {
            this.slots = slots;
            this.source = slots[SOURCE];
            this.recipe = slots[RECIPE];
            this.computed = slots[COMPUTED];
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            slots[SOURCE] = source;
            slots[RECIPE] = recipe;
            slots[COMPUTED] = computed;
        }
    }

    /**
     * A binding made by one of the {@code bind} methods. Close it on the thread that opened it.
     *
     * @since 0.1
     */
    public interface Scope extends AutoCloseable {
        /**
         * Restores the binding that was current before this scope was opened. Closing a scope
         * again does nothing, provided no new binding was opened on the thread meanwhile: the scope
         * of a binding made while nothing was bound is a shared instance that clears the thread's
         * binding. So close each scope once, in reverse order of opening (try-with-resources).
         */
        @Override
        void close();
    }
}
