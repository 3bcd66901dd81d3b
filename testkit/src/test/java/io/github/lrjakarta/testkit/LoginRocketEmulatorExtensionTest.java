package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class LoginRocketEmulatorExtensionTest {

    /** Set while this test launches the sample classes, so a stray discovery of them skips. */
    static volatile boolean launching;
    static final List<LoginRocketEmulator> seen = new CopyOnWriteArrayList<>();

    static TestExecutionSummary run(Class<?> testClass) {
        seen.clear();
        launching = true;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request, listener);
            return listener.getSummary();
        } finally {
            launching = false;
        }
    }

    static boolean answers(LoginRocketEmulator e) {
        try {
            return new Http(e.url()).get("/connect/jwks").status() == 200;
        } catch (UncheckedIOException closed) {
            return false;
        }
    }

    @Test
    void extendWithInjectsOneSampleEmulatorPerClassAndClosesIt() {
        TestExecutionSummary summary = run(DeclarativeUsage.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5).allMatch(e -> e == seen.get(0));
        assertThat(answers(seen.get(0))).as("closed after the class").isFalse();
    }

    @Test
    void registerExtensionWithBuilderAndReset() {
        TestExecutionSummary summary = run(ProgrammaticUsage.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(answers(seen.get(0))).isFalse();
    }

    @Test
    void emulatorBeforeStartIsAnError() {
        LoginRocketEmulatorExtension ext = LoginRocketEmulatorExtension.builder().build();
        assertThatThrownBy(ext::emulator).isInstanceOf(IllegalStateException.class);
    }

    @ExtendWith(LoginRocketEmulatorExtension.class)
    static class DeclarativeUsage {
        final LoginRocketEmulator viaConstructor;

        DeclarativeUsage(LoginRocketEmulator emulator) {
            this.viaConstructor = emulator;
        }

        @BeforeAll
        static void before(LoginRocketEmulator emulator) {
            Assumptions.assumeTrue(launching, "launched by LoginRocketEmulatorExtensionTest only");
            seen.add(emulator);
        }

        @Test
        void injectedIntoTestsAndConstructor(LoginRocketEmulator emulator) {
            seen.add(emulator);
            seen.add(viaConstructor);
            assertThat(emulator.fixture().realm().name()).isEqualTo("Sample");
            assertThat(answers(emulator)).isTrue();
        }

        @Test
        void stateCarriesOverWithoutReset(LoginRocketEmulator emulator) {
            emulator.clock().advance(java.time.Duration.ofMinutes(1));
            assertThat(emulator.clock().offset()).isPositive();
        }

        @Nested
        class Inner {
            @Test
            void nestedClassesShareTheOuterEmulator(LoginRocketEmulator emulator) {
                seen.add(emulator);
            }
        }

        @AfterAll
        static void after(LoginRocketEmulator emulator) {
            seen.add(emulator);
            assertThat(answers(emulator)).as("still running in @AfterAll").isTrue();
        }
    }

    static class ProgrammaticUsage {
        @RegisterExtension
        static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder()
                .realm(RealmFixture.builder().name("Custom").orgMode(OrgMode.MULTI_USER).build())
                .user(UserFixture.builder("c@example.org", "custom-password").org("C").build())
                .configure(b -> b.threads(4))
                .resetBeforeEach(true)
                .build();

        @BeforeAll
        static void guard() {
            Assumptions.assumeTrue(launching, "launched by LoginRocketEmulatorExtensionTest only");
        }

        @Test
        void customFixtureFirst(LoginRocketEmulator emulator) {
            seen.add(emulator);
            assertThat(lr.emulator()).isSameAs(emulator);
            assertThat(emulator.fixture().realm().name()).isEqualTo("Custom");
            assertThat(emulator.fixture().users()).extracting(UserFixture::email).containsExactly("c@example.org");
            emulator.clock().advance(java.time.Duration.ofHours(1));
        }

        @Test
        void customFixtureSecond(LoginRocketEmulator emulator) {
            seen.add(emulator);
            assertThat(emulator.clock().offset()).as("reset before each test").isZero();
        }
    }
}
