package io.github.lrjakarta.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import io.github.lrjakarta.servlet.testing.FakeHttp;
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

/**
 * The user id and LoginRocket's request id as request attributes, and in the logging context when
 * the application has one, only while a request is served.
 */
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
    private final FakeHttp.Request request = FakeHttp.request("GET", "https://app.example.com/api/me");

    private static final LoginRocketSession SESSION = session();

    private static LoginRocketSession session() {
        TokenSigner signer = TokenSigner.generate("jk_log");
        String token = signer.sign(LoginTokenClaims.sample(Instant.now()));
        return LoginRocketTokenVerifier.builder().staticKey(signer.publicKeyPem()).build().verify(token).sessionOrThrow();
    }

    private static CallEvent call(String requestId) {
        return new CallEvent("GET /v2/session", CallEvent.Outcome.SUCCESS, 200, 1, Duration.ofMillis(3), requestId);
    }

    @Test
    void theUserAndTheLatestRequestIdAreInTheMdcUntilTheRequestLeaves() {
        Object[] opened = context.open(request);
        try {
            context.callCompleted(call("rq_first"));
            context.user(opened, SESSION);
            context.callCompleted(call("rq_second"));
        } finally {
            context.close(opened);
        }
        assertThat(changes).containsExactly(
                "put loginrocket.requestId=rq_first",
                "put loginrocket.user=" + SESSION.user().id(),
                "put loginrocket.requestId=rq_second",
                "remove loginrocket.user",
                "remove loginrocket.requestId");
        assertThat(String.join(" ", changes)).doesNotContain(SESSION.token()).doesNotContain(SESSION.sessionId());
    }

    @Test
    void withAnMdcTheRequestCarriesTheAttributesToo() {
        Object[] opened = context.open(request);
        try {
            context.user(opened, SESSION);
            context.callCompleted(call("rq_one"));
        } finally {
            context.close(opened);
        }
        assertThat(request.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE)).isEqualTo(SESSION.user().id());
        assertThat(request.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isEqualTo("rq_one");
    }

    /** The common request: the MDC is not touched, not even to clear keys that were never put. */
    @Test
    void anAnonymousRequestWithoutCallsLeavesTheMdcAndTheRequestAlone() {
        Object[] opened = context.open(request);
        try {
            context.callCompleted(call(null));
        } finally {
            context.close(opened);
        }
        assertThat(changes).isEmpty();
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
    }

    @Test
    void withoutAnMdcLibraryTheUserAndRequestIdAreRequestAttributes() {
        LogContext none = LogContext.detect(new URLClassLoader(new URL[0], null));
        assertThat(none.hasMdc()).isFalse();
        Object[] opened = none.open(request);
        try {
            none.user(opened, SESSION);
            none.callCompleted(call("rq_first"));
            none.callCompleted(call("rq_latest"));
        } finally {
            none.close(opened);
        }
        assertThat(request.getAttribute(LoginRocketFilter.USER_ID_ATTRIBUTE)).isEqualTo(SESSION.user().id());
        assertThat(request.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isEqualTo("rq_latest");
    }

    @Test
    void callsOnThreadsOutsideARequestLeaveTheContextAlone() throws Exception {
        Object[] opened = context.open(request);
        try {
            CompletableFuture.runAsync(() -> context.callCompleted(call("rq_elsewhere"))).get();
        } finally {
            context.close(opened);
        }
        context.callCompleted(call("rq_after"));
        assertThat(changes).isEmpty();
        assertThat(request.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isNull();
    }

    /** Not every log layout escapes what it prints: a request id that could forge or break a line is left out. */
    @Test
    void aRequestIdThatIsNotShortVisibleAsciiIsLeftOut() {
        Object[] opened = context.open(request);
        try {
            context.callCompleted(call("rq_1\u001b[31m"));
            context.callCompleted(call("rq_1 200 \"GET /admin\""));
            context.callCompleted(call("rq_é"));
            context.callCompleted(call("rq_" + "x".repeat(LogContext.MAX_REQUEST_ID_LENGTH)));
            context.callCompleted(call(""));
        } finally {
            context.close(opened);
        }
        assertThat(changes).isEmpty();
        assertThat(request.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isNull();
    }

    /** A filter mapped for FORWARD as well runs again on the same thread: the outer pass owns the context. */
    @Test
    void aNestedScopeLeavesTheOuterContextInPlace() {
        Object[] outer = context.open(request);
        try {
            context.user(outer, SESSION);
            Object[] inner = context.open(FakeHttp.request("GET", "https://app.example.com/forwarded"));
            try {
                context.user(inner, SESSION);
            } finally {
                context.close(inner);
            }
            context.callCompleted(call("rq_after_forward"));
        } finally {
            context.close(outer);
        }
        assertThat(changes).containsExactly(
                "put loginrocket.user=" + SESSION.user().id(),
                "put loginrocket.requestId=rq_after_forward",
                "remove loginrocket.user",
                "remove loginrocket.requestId");
        assertThat(request.getAttribute(LoginRocketFilter.REQUEST_ID_ATTRIBUTE)).isEqualTo("rq_after_forward");
    }

    @Test
    void slf4jIsFoundWhenTheApplicationHasIt() {
        assertThat(LogContext.detect(getClass().getClassLoader()).hasMdc()).isTrue();
    }
}
