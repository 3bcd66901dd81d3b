package io.github.lrjakarta.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link LoginRocketEmulator} per test class and injects it into
 * test, lifecycle and constructor parameters of type {@code LoginRocketEmulator}.
 *
 * <p>Declarative use starts the sample realm over plain http:
 * <pre>{@code
 * @ExtendWith(LoginRocketEmulatorExtension.class)
 * class MyTest {
 *     @Test void login(LoginRocketEmulator emulator) { ... emulator.url() ... }
 * }
 * }</pre>
 * Programmatic use configures the emulator:
 * <pre>{@code
 * @RegisterExtension
 * static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder()
 *         .fixture(Path.of("src/test/resources/realm.json")).tls(true).resetBeforeEach(true).build();
 * }</pre>
 * The emulator starts before the class's first test (or when first needed) and is closed when the
 * class is done; {@code @Nested} classes share their outer class's emulator. Between tests it keeps
 * its state unless {@link Builder#resetBeforeEach(boolean)} is on (default off: tests in one class can
 * then build on each other's sessions, and a class pays the reset only if it wants it).
 *
 * <p>Thread-safe for JUnit's parallel execution: the emulator is created once per class through
 * the extension store.
 *
 * @since 0.1
 */
public final class LoginRocketEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LoginRocketEmulatorExtension.class);
    private static final String KEY = "emulator";

    private final List<Consumer<LoginRocketEmulator.Builder>> configuration;
    private final boolean resetBeforeEach;
    private volatile LoginRocketEmulator current;

    /** The declarative form: sample realm, plain http, no reset between tests. */
    public LoginRocketEmulatorExtension() {
        this(List.of(), false);
    }

    private LoginRocketEmulatorExtension(List<Consumer<LoginRocketEmulator.Builder>> configuration, boolean reset) {
        this.configuration = List.copyOf(configuration);
        this.resetBeforeEach = reset;
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The emulator of the running test class (for {@code @RegisterExtension} static fields).
     *
     * @throws IllegalStateException before the class's emulator has started
     */
    public LoginRocketEmulator emulator() {
        LoginRocketEmulator e = current;
        if (e == null) {
            throw new IllegalStateException("the emulator starts with the test class; call emulator() from a test");
        }
        return e;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulatorFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LoginRocketEmulator e = emulatorFor(context);
        if (resetBeforeEach) {
            e.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoginRocketEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulatorFor(context);
    }

    /** The emulator stored on the outermost class context of this test, created on first use. */
    private LoginRocketEmulator emulatorFor(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Holder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> new Holder(startEmulator()),
                Holder.class);
        current = holder.emulator;
        return holder.emulator;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        ExtensionContext outermostClass = null;
        while (c != null) {
            if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()) {
                outermostClass = c;
            }
            c = c.getParent().orElse(null);
        }
        return outermostClass != null ? outermostClass : context;
    }

    private LoginRocketEmulator startEmulator() {
        LoginRocketEmulator.Builder b = LoginRocketEmulator.builder();
        configuration.forEach(step -> step.accept(b));
        return b.start();
    }

    /**
     * Closes the emulator when JUnit closes the class's store: JUnit 5.13+ closes AutoCloseable
     * values, older versions only CloseableResource ones, hence both (closing is idempotent).
     */
    @SuppressWarnings("deprecation")
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final LoginRocketEmulator emulator;

        Holder(LoginRocketEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    /** Configures the extension's emulators; not thread-safe. */
    public static final class Builder {
        private final List<Consumer<LoginRocketEmulator.Builder>> steps = new ArrayList<>();
        private boolean resetBeforeEach;

        private Builder() {
        }

        /** A JSON fixture file. */
        public Builder fixture(Path file) {
            EmulatorFixture fixture = EmulatorFixture.read(file);
            return configure(b -> b.fixture(fixture));
        }

        /** A fixture. */
        public Builder fixture(EmulatorFixture fixture) {
            Objects.requireNonNull(fixture, "fixture");
            return configure(b -> b.fixture(fixture));
        }

        /** Realm settings. */
        public Builder realm(RealmFixture realm) {
            Objects.requireNonNull(realm, "realm");
            return configure(b -> b.realm(realm));
        }

        /** Adds users. */
        public Builder user(UserFixture... users) {
            List<UserFixture> copy = List.of(users);
            return configure(b -> b.user(copy.toArray(UserFixture[]::new)));
        }

        /** Serve https with a self-signed certificate. */
        public Builder tls(boolean tls) {
            return configure(b -> b.tls(tls));
        }

        /** Any other emulator setting. */
        public Builder configure(Consumer<LoginRocketEmulator.Builder> step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Reset the emulator to its fixture before every test (default {@code false}). */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /** Builds the extension. */
        public LoginRocketEmulatorExtension build() {
            return new LoginRocketEmulatorExtension(steps, resetBeforeEach);
        }
    }
}
