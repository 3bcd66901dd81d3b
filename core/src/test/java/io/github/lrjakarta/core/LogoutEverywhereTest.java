package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A logout through the client ends the session for every verifier sharing its {@link
 * EndedSessions} store, cached verifications included; "two nodes" here are two client/verifier
 * pairs over one store, as a shared (JCache) store makes them.
 */
class LogoutEverywhereTest {

    private LoginRocketEmulator emulator;
    private final EndedSessions shared = EndedSessions.inMemory();
    private LoginRocketClient clientA;
    private LoginRocketClient clientB;

    @BeforeEach
    void start() {
        emulator = LoginRocketEmulator.start();
        clientA = clientFor(emulator).endedSessions(shared).build();
        clientB = clientFor(emulator).endedSessions(shared).build();
    }

    @AfterEach
    void stop() {
        clientA.close();
        clientB.close();
        emulator.close();
    }

    private LoginRocketTokenVerifier verifier(EndedSessions store) {
        return LoginRocketTokenVerifier.builder()
                .jwks(LoginRocketUrl.parse(emulator.url(), true))
                .clock(emulator.clock())
                .endedSessions(store)
                .build();
    }

    @Test
    void aLogoutOnOneNodeRefusesTheSessionsTokenOnEveryNodeEvenFromTheCache() {
        LoginResult login = clientA.login(DANA, DANA_PASSWORD);
        String token = login.token().orElseThrow();
        LoginRocketTokenVerifier onA = verifier(shared);
        LoginRocketTokenVerifier onB = verifier(shared);
        assertThat(onA.verify(token).isValid()).isTrue();
        assertThat(onB.verify(token).isValid()).as("now cached on B").isTrue();

        clientA.logout(login.sessionId().orElseThrow());

        TokenVerification onBAfter = onB.verify(token);
        assertThat(onBAfter.failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        assertThat(onBAfter.detail()).doesNotContain(token).doesNotContain(login.sessionId().get());
        assertThat(onA.verify(token).failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        assertThat(verifier(shared).verify(token).failure()).as("a node started later, cold cache")
                .isEqualTo(TokenFailure.SESSION_ENDED);
    }

    @Test
    void aVerifierWithAStoreOfItsOwnDoesNotHearOfTheLogout() {
        LoginResult login = clientA.login(DANA, DANA_PASSWORD);
        String token = login.token().orElseThrow();
        LoginRocketTokenVerifier separate = verifier(EndedSessions.inMemory());
        clientA.logout(login.sessionId().orElseThrow());
        assertThat(separate.verify(token).isValid()).as("why the store must be shared").isTrue();
    }

    @Test
    void aLogoutAnswered403StillRecordsTheSession() {
        LoginResult login = clientA.login(DANA, DANA_PASSWORD);
        String sid = login.sessionId().orElseThrow();
        clientB.logout(sid);
        EndedSessions freshStore = EndedSessions.inMemory();
        LoginRocketClient late = clientFor(emulator).endedSessions(freshStore).build();
        try {
            assertThatThrownBy(() -> late.logout(sid)).isInstanceOf(AccessDeniedException.class);
            assertThat(freshStore.isEnded(sid)).isTrue();
        } finally {
            late.close();
        }
    }

    @Test
    void aFailedLogoutRecordsNothing() {
        LoginResult login = clientA.login(DANA, DANA_PASSWORD);
        String sid = login.sessionId().orElseThrow();
        emulator.close(); // LoginRocket unreachable: the session may well be alive
        assertThatThrownBy(() -> clientA.logout(sid)).isInstanceOf(TransportException.class);
        assertThat(shared.isEnded(sid)).isFalse();
    }

    @Test
    void anExpiredTokenOfAnEndedSessionIsNotOfferedForRefresh() {
        LoginResult login = clientA.login(DANA, DANA_PASSWORD);
        String token = login.token().orElseThrow();
        LoginRocketTokenVerifier v = verifier(shared);
        Instant exp = v.verify(token).sessionOrThrow().expiresAt();
        clientA.logout(login.sessionId().orElseThrow());
        emulator.clock().set(exp.plusSeconds(10));
        TokenVerification r = v.verify(token);
        assertThat(r.failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        assertThat(r.expiredSession()).isEmpty();
    }

    @Test
    void aTokenOutlivingTheRetentionExtendsTheEntryToItsExpiry() {
        InMemoryEndedSessions store = InMemoryEndedSessions.builder().clock(emulator.clock()).build();
        LoginRocketTokenVerifier v = verifier(store);
        String token = emulator.issueToken(DANA);
        LoginRocketSession s = v.verify(token).sessionOrThrow();
        store.end(s.sessionId(), emulator.clock().now().plusSeconds(60)); // shorter than the token's life
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        emulator.clock().advance(Duration.ofSeconds(120));
        assertThat(store.isEnded(s.sessionId())).isTrue();
        assertThat(v.verify(token).failure()).isEqualTo(TokenFailure.SESSION_ENDED);
        assertThat(s.expiresAt()).isAfter(Instant.ofEpochMilli(emulator.clock().millis()));
    }
}
