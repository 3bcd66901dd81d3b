package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import io.github.lrjakarta.servlet.ClientForwarding;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Trades a session id for a fresh, verified token through {@code GET /v2/session}, at most once
 * at a time per key: concurrent requests carrying the same expiring token (a page loading twenty
 * assets), or the same {@code ?session=} id, share one LoginRocket call, and the outcome is
 * remembered (a success until the new token expires, a failure for {@link #FAILURE_MEMORY}) because
 * LoginRocket is tightly rate limited and may be down. At most {@link #MAX_ENTRIES} outcomes are
 * kept. Thread-safe.
 */
public final class SessionRefresher {

    private static final Logger LOG = System.getLogger(SessionRefresher.class.getName());

    static final Duration FAILURE_MEMORY = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;

    /** What a refresh came to: a fresh session, the session being over (LoginRocket's 403), or neither for now. */
    public static final class Result {
        public static final Result OVER = new Result(null, true);
        public static final Result UNAVAILABLE = new Result(null, false);

        private final LoginRocketSession session;
        private final boolean over;

        private Result(LoginRocketSession session, boolean over) {
            this.session = session;
            this.over = over;
        }

        public static Result of(LoginRocketSession session) {
            return session == null ? UNAVAILABLE : new Result(session, false);
        }

        /** The fresh session, if LoginRocket gave one that verified. */
        public Optional<LoginRocketSession> session() {
            return Optional.ofNullable(session);
        }

        /**
         * Whether LoginRocket said the session is over (403: expired, unknown or logged out). A
         * temporary failure (429, 5xx, timeout, a local rate-limit refusal, no call made) is not.
         */
        public boolean sessionOver() {
            return over;
        }
    }

    private static final class Entry {
        final CompletableFuture<Result> outcome = new CompletableFuture<>();
        final String sessionId;
        volatile Instant keepUntil = Instant.MAX;

        Entry(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    private final LoginRocketClient client;
    private final LoginRocketTokenVerifier verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();

    public SessionRefresher(LoginRocketClient client, LoginRocketTokenVerifier verifier, Clock clock) {
        this.client = client;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * A fresh session for the session behind {@code oldToken}, in the org {@code oldToken} has
     * selected (without it, LoginRocket answers {@code conditional_login} in multi-user realms, and
     * may switch orgs in single-user ones).
     *
     * @param oldToken the token being replaced (the key for sharing and remembering the outcome)
     * @param old its session
     */
    public Result refresh(String oldToken, LoginRocketSession old) {
        String account = old.selectedMembership().map(LoginRocketMembership::orgId).orElse(null);
        return shared(oldToken, old.sessionId(), () -> fetch(old.sessionId(), account));
    }

    /**
     * A session for a {@code ?session=} id from the URL, calling LoginRocket only if {@code
     * budget} allows; a refusal by the budget is not remembered.
     *
     * @param account the account (org id) to select, or null
     */
    public Result exchange(String sessionId, String account, CallBudget budget) {
        String key = account == null ? sessionId : sessionId + "&" + account;
        return shared(key, sessionId, () -> budget.tryAcquire() ? fetch(sessionId, account) : null);
    }

    /** Forgets every remembered outcome for a session (it was logged out). */
    public void forget(String sessionId) {
        byKey.values().removeIf(e -> e.sessionId.equals(sessionId)
                || e.outcome.isDone() && e.outcome.join().session().map(s -> s.sessionId().equals(sessionId)).orElse(false));
    }

    /** Runs {@code call} once for concurrent requests with the same key; a null result is shared but not remembered. */
    private Result shared(String key, String sessionId, Supplier<Result> call) {
        Instant now = clock.instant();
        Entry mine = new Entry(sessionId);
        Entry entry = byKey.compute(key, (k, existing) ->
                existing != null && existing.keepUntil.isAfter(now) ? existing : mine);
        if (entry == mine) {
            try {
                evictIfFull(now);
                Result result = call.get();
                if (result == null) {
                    result = Result.UNAVAILABLE;
                    mine.keepUntil = now;
                    byKey.remove(key, mine);
                } else {
                    mine.keepUntil = result.session().map(LoginRocketSession::expiresAt).orElse(now.plus(FAILURE_MEMORY));
                }
                mine.outcome.complete(result);
                return result;
            } finally {
                if (!mine.outcome.isDone()) {
                    // An Error escaped the call: release the requests waiting on this entry (they get
                    // no session) and let the next one try again, instead of blocking them forever.
                    byKey.remove(key, mine);
                    mine.keepUntil = now;
                    mine.outcome.complete(Result.UNAVAILABLE);
                }
            }
        }
        try {
            return entry.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.UNAVAILABLE;
        } catch (ExecutionException e) {
            return Result.UNAVAILABLE;
        }
    }

    /**
     * Calls {@code GET /v2/session} and verifies the token it returns; never throws. LoginRocket
     * failures are logged with LoginRocket's request id, never with the session id.
     *
     * @param account the account (org id) to select, or null
     */
    Result fetch(String sessionId, String account) {
        try {
            LoginResult result = client.getSession(sessionId, account, ClientForwarding.ONE_ATTEMPT);
            Optional<String> token = result.token();
            if (token.isEmpty()) {
                LOG.log(Level.INFO, "LoginRocket session gave no token ({0}, conditions {1}, request id {2})",
                        result.type(), result.conditions(), result.requestId());
                return Result.UNAVAILABLE;
            }
            TokenVerification verification = verifier.verify(token.get());
            if (!verification.isValid()) {
                LOG.log(Level.WARNING, "Token from LoginRocket (request id {0}) did not verify: {1}",
                        result.requestId(), verification);
            }
            return Result.of(verification.session().orElse(null));
        } catch (LoginRocketException e) {
            // A 403 is the expected end of a session; a refusal by the client's own rate-limit guard was
            // logged once for its whole episode, and a line per refresh would flood the log meanwhile.
            boolean expected = e.status() == 403 || e instanceof RateLimitedException limited && limited.refusedLocally();
            LOG.log(expected ? Level.DEBUG : Level.WARNING,
                    "LoginRocket session lookup failed: {0} (status {1}, request id {2})",
                    e.getClass().getSimpleName(), e.status(), e.requestId());
            return e.status() == 403 ? Result.OVER : Result.UNAVAILABLE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LoginRocket session lookup failed unexpectedly: {0}", e.getClass().getName());
            return Result.UNAVAILABLE;
        }
    }

    private void evictIfFull(Instant now) {
        if (byKey.size() > MAX_ENTRIES) {
            byKey.values().removeIf(e -> e.outcome.isDone() && !e.keepUntil.isAfter(now));
            if (byKey.size() > MAX_ENTRIES) {
                byKey.values().removeIf(e -> e.outcome.isDone());
            }
        }
    }
}
