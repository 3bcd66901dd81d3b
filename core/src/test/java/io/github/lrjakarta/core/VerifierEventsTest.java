package io.github.lrjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.event.KeySetEvent;
import io.github.lrjakarta.core.event.LoginRocketListener;
import io.github.lrjakarta.core.event.VerificationEvent;
import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a {@link LoginRocketListener} on the verifier hears: outcomes by reason, cache use, key-set fetches. */
class VerifierEventsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private final List<VerificationEvent> verifications = new CopyOnWriteArrayList<>();
    private final List<KeySetEvent> fetches = new CopyOnWriteArrayList<>();
    private final LoginRocketListener recorder = new LoginRocketListener() {
        @Override
        public void tokenVerified(VerificationEvent event) {
            verifications.add(event);
        }

        @Override
        public void keySetFetched(KeySetEvent event) {
            fetches.add(event);
        }
    };

    private LoginRocketTokenVerifier verifier() {
        return LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(LR.emulator().url(), true))
                .allowInsecureLoopback(true)
                .listener(recorder)
                .build();
    }

    @Test
    void aValidTokenIsAMissThenAHitAndTheFirstOneFetchesTheKeySet() {
        String token = LR.emulator().issueToken(ClientTestSupport.DANA);
        LoginRocketTokenVerifier v = verifier();
        v.verify(token);
        v.verify(token);
        assertThat(verifications).extracting(VerificationEvent::valid, VerificationEvent::cacheHit, VerificationEvent::cacheSize)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, false, 1),
                        org.assertj.core.groups.Tuple.tuple(true, true, 1));
        assertThat(fetches).singleElement().satisfies(f -> {
            assertThat(f.success()).isTrue();
            assertThat(f.keys()).isPositive();
            assertThat(f.failure()).isNull();
        });
        assertThat(v.cachedTokens()).isEqualTo(1);
    }

    @Test
    void rejectionsCarryTheirReasonAndNothingOfTheToken() {
        LoginRocketTokenVerifier v = verifier();
        v.verify("not-a-token");
        v.verify(null);
        assertThat(verifications).extracting(VerificationEvent::failure)
                .containsExactly(TokenFailure.MALFORMED, TokenFailure.MALFORMED);
        assertThat(verifications).allSatisfy(e -> {
            assertThat(e.cacheHit()).isFalse();
            assertThat(e.toString()).doesNotContain("not-a-token");
        });
    }

    @Test
    void aFailedKeySetFetchIsReported() {
        LR.emulator().faults().inject("/connect/jwks", Fault.status(503));
        verifier().verify(LR.emulator().issueToken(ClientTestSupport.DANA));
        assertThat(fetches).singleElement().satisfies(f -> {
            assertThat(f.success()).isFalse();
            assertThat(f.keys()).isZero();
            assertThat(f.failure()).contains("503");
        });
        assertThat(verifications).singleElement().extracting(VerificationEvent::valid).isEqualTo(false);
    }
}
