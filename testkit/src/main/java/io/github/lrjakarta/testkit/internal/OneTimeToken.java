package io.github.lrjakarta.testkit.internal;

import java.time.Instant;

/** A single-use token the realm handed out, as {@link RealmState} changes it under its lock. Not thread-safe. */
final class OneTimeToken {

    /** What the token is for. */
    enum Kind { PASSWORD_RESET, EMAIL_VERIFICATION, INVITATION, MFA }

    Kind kind;
    String userId;
    /** The address a reset, verification or invitation is for; {@code null} for MFA. */
    String email;
    /** The account an MFA login asked for; {@code null} for the other kinds. */
    String account;
    Instant expiresAt;
    boolean used;
}
