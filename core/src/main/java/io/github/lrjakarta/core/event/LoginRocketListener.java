package io.github.lrjakarta.core.event;

/**
 * Receives what the library does with LoginRocket, for metrics, health and audit: each API call,
 * each token verification, each key-set fetch, and rate-limit episodes. Session refreshes and
 * logouts are calls: {@code GET /v2/session} and {@code DELETE /v2/session}.
 *
 * <p>Register a listener on {@code LoginRocketClient.Builder.listener(…)} and {@code
 * LoginRocketTokenVerifier.Builder.listener(…)}; clients and verifiers built from a {@code
 * LoginRocketConfig} (the servlet filter, the CDI extension) also get every listener found by
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.github.lrjakarta.core.event.LoginRocketListener})
 * and, with the CDI extension, every CDI bean of this type. The Micrometer binder of module {@code
 * loginrocket-micrometer} is such a listener.
 *
 * <p>Every method has an empty default, so implement only what you need. Methods are called on the
 * thread that did the work, synchronously: keep them fast and non-blocking (increment a counter,
 * hand off to a queue). A listener that throws is logged once and otherwise ignored; it never
 * fails the call or the verification. Events never carry a token, session id or password.
 *
 * <p>Without a listener nothing is built or called: the warm path (a cached token verification)
 * costs the same as before this hook existed.
 *
 * @since 0.2
 */
public interface LoginRocketListener {

    /** A LoginRocket API call finished, successfully or not, after all its attempts. */
    default void callCompleted(CallEvent event) {}

    /** A token was verified (from the cache or afresh), valid or not. */
    default void tokenVerified(VerificationEvent event) {}

    /** The realm's key set ({@code /connect/jwks}) was fetched, successfully or not. */
    default void keySetFetched(KeySetEvent event) {}

    /** The client's rate-limit guard started or ended an episode of refusing calls locally. */
    default void rateLimitChanged(RateLimitEvent event) {}
}
