package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Trades a session id for a fresh, verified token through {@code GET /v2/session}, at most once
 * at a time per old token: concurrent requests carrying the same expiring token (a page loading
 * twenty assets) share one LoginRocket call, and the outcome is remembered (a success until the
 * new token expires, a failure for {@link #FAILURE_MEMORY}) because LoginRocket is tightly rate
 * limited and may be down.
 */
public final class SessionRefresher {

    private static final Logger LOG = System.getLogger(SessionRefresher.class.getName());

    static final Duration FAILURE_MEMORY = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private static final class Entry {
        final CompletableFuture<Optional<LoginRocketSession>> outcome = new CompletableFuture<>();
        volatile Instant keepUntil = Instant.MAX;
    }

    private final LoginRocketClient client;
    private final LoginRocketTokenVerifier verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byOldToken = new ConcurrentHashMap<>();

    public SessionRefresher(LoginRocketClient client, LoginRocketTokenVerifier verifier, Clock clock) {
        this.client = client;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * A fresh session for the session behind {@code oldToken}, or empty if LoginRocket says the
     * session is over, cannot be reached, or returns something that does not verify.
     *
     * @param oldToken the token being replaced (the key for sharing and remembering the outcome)
     * @param sessionId its {@code sid}
     */
    public Optional<LoginRocketSession> refresh(String oldToken, String sessionId) {
        Instant now = clock.instant();
        Entry mine = new Entry();
        Entry entry = byOldToken.compute(oldToken, (k, existing) ->
                existing != null && existing.keepUntil.isAfter(now) ? existing : mine);
        if (entry == mine) {
            try {
                evictIfFull(now);
                Optional<LoginRocketSession> result = fetch(sessionId, null);
                mine.keepUntil = result.map(LoginRocketSession::expiresAt).orElse(now.plus(FAILURE_MEMORY));
                mine.outcome.complete(result);
                return result;
            } finally {
                if (!mine.outcome.isDone()) {
                    // An Error escaped fetch: release the requests waiting on this entry (they get
                    // no session) and let the next one try again, instead of blocking them forever.
                    byOldToken.remove(oldToken, mine);
                    mine.keepUntil = now;
                    mine.outcome.complete(Optional.empty());
                }
            }
        }
        try {
            return entry.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /**
     * Calls {@code GET /v2/session} and verifies the token it returns; never throws. LoginRocket
     * failures are logged with LoginRocket's request id, never with the session id.
     *
     * @param account the account (org id) to select, or null
     */
    public Optional<LoginRocketSession> fetch(String sessionId, String account) {
        try {
            LoginResult result = client.getSession(sessionId, account);
            Optional<String> token = result.token();
            if (token.isEmpty()) {
                LOG.log(Level.INFO, "LoginRocket session gave no token ({0}, conditions {1}, request id {2})",
                        result.type(), result.conditions(), result.requestId());
                return Optional.empty();
            }
            TokenVerification verification = verifier.verify(token.get());
            if (!verification.isValid()) {
                LOG.log(Level.WARNING, "Token from LoginRocket (request id {0}) did not verify: {1}",
                        result.requestId(), verification);
            }
            return verification.session();
        } catch (LoginRocketException e) {
            LOG.log(e.status() == 403 ? Level.DEBUG : Level.WARNING,
                    "LoginRocket session lookup failed: {0} (status {1}, request id {2})",
                    e.getClass().getSimpleName(), e.status(), e.requestId());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LoginRocket session lookup failed unexpectedly: {0}", e.getClass().getName());
            return Optional.empty();
        }
    }

    private void evictIfFull(Instant now) {
        if (byOldToken.size() > MAX_ENTRIES) {
            byOldToken.values().removeIf(e -> e.outcome.isDone() && !e.keepUntil.isAfter(now));
            if (byOldToken.size() > MAX_ENTRIES) {
                byOldToken.values().removeIf(e -> e.outcome.isDone());
            }
        }
    }
}
