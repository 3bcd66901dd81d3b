package io.github.lrjakarta.testkit.internal;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A user of the emulated realm, as {@link RealmState} changes it under its lock. Not thread-safe. */
final class User {
    String id;
    String email;
    String password;
    String firstName;
    String lastName;
    String username;
    String locale;
    boolean emailVerified;
    String reference;
    JsonObject custom;
    boolean mfa;
    String totpCode;
    final List<Membership> memberships = new ArrayList<>();
    int failures;
    Instant lockedUntil;
}
