package io.github.lrjakarta.core.event;

import java.time.Duration;

/**
 * One fetch of the realm's key set ({@code /connect/jwks}).
 *
 * @param success whether usable keys were installed
 * @param keys how many keys the verifier holds after the fetch (the previous ones after a failure)
 * @param duration how long the fetch and parse took
 * @param failure why it failed (no secrets), or null
 * @since 0.2
 */
public record KeySetEvent(boolean success, int keys, Duration duration, String failure) {}
