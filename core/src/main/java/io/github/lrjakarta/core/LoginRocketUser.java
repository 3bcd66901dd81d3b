package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.jwt.Claims;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The user a {@link LoginRocketSession} belongs to, as stated by the login token's claims.
 *
 * <p>Only {@link #id()} is guaranteed; every other field is optional because its presence depends
 * on the realm's settings and JWT scopes. A claim of the wrong type reads as absent. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class LoginRocketUser {

    private final String id;
    private final String email;
    private final Boolean emailVerified;
    private final String name;
    private final String givenName;
    private final String familyName;
    private final String username;
    private final String locale;
    private final String reference;
    private final JsonObject custom;

    private LoginRocketUser(JsonObject claims) {
        this.id = Claims.requiredString(claims, "sub");
        this.email = Claims.optString(claims, "email");
        this.emailVerified = Claims.optBoolean(claims, "email_verified");
        this.name = Claims.optString(claims, "name");
        this.givenName = Claims.optString(claims, "given_name");
        this.familyName = Claims.optString(claims, "family_name");
        this.username = Claims.optString(claims, "preferred_username");
        this.locale = Claims.optString(claims, "locale");
        this.reference = Claims.optString(claims, "ref");
        this.custom = Claims.optObject(claims, "cs");
    }

    /** Reads the user from the token's top-level claims; {@code sub} is required. */
    static LoginRocketUser fromClaims(JsonObject claims) {
        return new LoginRocketUser(claims);
    }

    /** The user id ({@code usr_…}, claim {@code sub}). */
    public String id() {
        return id;
    }

    /** The e-mail address (claim {@code email}). */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** Whether the e-mail address was verified (claim {@code email_verified}); empty when not stated. */
    public Optional<Boolean> emailVerified() {
        return Optional.ofNullable(emailVerified);
    }

    /** The full name (claim {@code name}). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The given name (claim {@code given_name}). */
    public Optional<String> givenName() {
        return Optional.ofNullable(givenName);
    }

    /** The family name (claim {@code family_name}). */
    public Optional<String> familyName() {
        return Optional.ofNullable(familyName);
    }

    /** The username (claim {@code preferred_username}). */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The user's locale, e.g. {@code en} (claim {@code locale}, present only with some JWT scopes). */
    public Optional<String> locale() {
        return Optional.ofNullable(locale);
    }

    /** The application's own reference for this user (claim {@code ref}). */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** Custom attributes (claim {@code cs}); the empty object when absent. */
    public JsonObject custom() {
        return custom;
    }

    @Override
    public String toString() {
        return "LoginRocketUser[" + id + "]";
    }
}
