package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.testkit.LoginTokenClaims;
import io.github.lrjakarta.testkit.TokenSigner;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The user id and LoginRocket's request id in the logging context, only while a request is served. */
class LogContextTest {

    private final List<String> changes = new ArrayList<>();
    private final LogContext context = LogContext.with(new LogContext.Mdc() {
        @Override
        public synchronized void put(String key, String value) {
            changes.add("put " + key + "=" + value);
        }

        @Override
        public synchronized void remove(String key) {
            changes.add("remove " + key);
        }
    });

    private static LoginRocketSession session() {
        TokenSigner signer = TokenSigner.generate("jk_log");
        String token = signer.sign(LoginTokenClaims.sample(Instant.now()));
        return LoginRocketTokenVerifier.builder().staticKey(signer.publicKeyPem()).build().verify(token).sessionOrThrow();
    }

    private static CallEvent call(String requestId) {
        return new CallEvent("GET /v2/session", CallEvent.Outcome.SUCCESS, 200, 1, Duration.ofMillis(3), requestId);
    }

    @Test
    void theUserAndTheLatestRequestIdAreInTheContextUntilTheRequestLeaves() {
        LoginRocketSession session = session();
        try (LogContext.Scope scope = context.open()) {
            context.callCompleted(call("rq_first"));
            scope.user(session);
            context.callCompleted(call("rq_second"));
        }
        assertThat(changes).containsExactly(
                "put loginrocket.requestId=rq_first",
                "put loginrocket.user=" + session.user().id(),
                "put loginrocket.requestId=rq_second",
                "remove loginrocket.user",
                "remove loginrocket.requestId");
        assertThat(String.join(" ", changes)).doesNotContain(session.token()).doesNotContain(session.sessionId());
    }

    @Test
    void callsOnThreadsOutsideARequestLeaveTheContextAlone() throws Exception {
        try (LogContext.Scope scope = context.open()) {
            CompletableFuture.runAsync(() -> context.callCompleted(call("rq_elsewhere"))).get();
        }
        context.callCompleted(call("rq_after"));
        assertThat(changes).containsExactly("remove loginrocket.user", "remove loginrocket.requestId");
    }

    @Test
    void withoutAnMdcLibraryNothingIsDone() {
        LogContext none = LogContext.detect(new URLClassLoader(new URL[0], null));
        assertThat(none.active()).isFalse();
        try (LogContext.Scope scope = none.open()) {
            scope.user(session());
        }
    }

    @Test
    void slf4jIsFoundWhenTheApplicationHasIt() {
        assertThat(LogContext.detect(getClass().getClassLoader()).active()).isTrue();
    }
}
