package io.github.lrjakarta.testkit.internal;

import java.time.Instant;

/** A session of the emulated realm, as {@link RealmState} changes it under its lock. Not thread-safe. */
final class Session {
    String id;
    User user;
    String account;
    String client;
    Instant createdAt;
    Instant expiresAt;
    boolean ended;
}
