package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.RateLimitedException;
import java.time.Duration;

/**
 * Keeps a client from calling LoginRocket while LoginRocket has asked it to wait.
 *
 * <p>Every attempt of every call asks {@link #admit} first and reports how LoginRocket answered
 * through the {@link Permit} it got. After a 429, or a 503 that names a wait, the guard refuses
 * attempts locally until the wait has passed; then it admits one probe at a time, and an answer that
 * is not a rate limit ends the episode. This is one client's (one realm's) view; {@link
 * LocalRateLimitGuard} shares it with the other nodes of a cluster through a {@link
 * io.github.lrjakarta.core.SharedBackOff}.
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimitGuard {

    /**
     * The longest wait the guard enforces. A server asking for more (a {@code Retry-After} of a year
     * from a broken proxy) is probed again after this long rather than obeyed.
     */
    Duration MAX_WAIT = Duration.ofMinutes(5);

    /** The wait after a 429 that names none, and the wait named while a probe is in flight. */
    Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    /**
     * Admits an attempt or refuses it locally.
     *
     * @param retryOf the permit of the previous attempt of the same call when this attempt is its
     *     retry, else {@code null}; a retry that waited out the wait its own rate limit set is the probe
     * @param call the method and path, for the refusal's message
     * @return the permit, to report the outcome on exactly once
     * @throws RateLimitedException refused locally: {@link RateLimitedException#refusedLocally()} is
     *     true and no call was made
     */
    Permit admit(Permit retryOf, String call);

    /** Whether attempts are refused locally right now (the wait has not passed yet). */
    boolean backingOff();

    /** One admitted attempt. Only the first report counts; later ones are ignored. */
    interface Permit {

        /**
         * LoginRocket asked to wait (a 429, or a 503 with a wait).
         *
         * @param requested the wait the response named, or {@code null} if none
         * @param requestId the response's request id, or {@code null}
         * @return the wait the guard now enforces for this outcome: the requested one capped at
         *     {@link #MAX_WAIT}, or {@link #DEFAULT_WAIT} if none was named
         */
        Duration rateLimited(Duration requested, String requestId);

        /** LoginRocket answered without asking to wait (a success, or an error like 403 or 422). */
        void answered();

        /** No answer that tells anything about the rate limit (a transport failure, a 5xx without a wait). */
        void released();
    }
}
