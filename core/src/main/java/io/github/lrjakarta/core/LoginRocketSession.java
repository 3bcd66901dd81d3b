package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.jwt.Claims;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A LoginRocket login session as stated by a verified login token: the session id, the user, the
 * user's memberships (orgs, "accounts") and the token's lifetime.
 *
 * <p>Sessions normally come from {@link LoginRocketTokenVerifier#verify(String)}. Claims are read
 * strictly: optional claims may be missing or {@code null}, but a claim of the wrong JSON type
 * ({@code orgs} that is not an array of objects, a {@code perm} that is not an array of strings, a
 * non-boolean {@code email_verified} or {@code selected}, a name or id that is not a string) makes
 * the token malformed rather than being read as absent, and so does an {@code orgs} entry without
 * its {@code mid} and {@code oid}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never includes the token or the session id.
 *
 * @since 0.1
 */
public final class LoginRocketSession {

    private final String sessionId;
    private final LoginRocketUser user;
    private final List<LoginRocketMembership> memberships;
    private final LoginRocketMembership selected;
    private final String realmId;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String token;

    private LoginRocketSession(JsonObject claims, String token) {
        this.sessionId = Claims.requiredString(claims, "sid");
        this.user = LoginRocketUser.fromClaims(claims);
        this.issuedAt = Instant.ofEpochSecond(Claims.requiredSeconds(claims, "iat"));
        this.expiresAt = Instant.ofEpochSecond(Claims.requiredSeconds(claims, "exp"));
        this.realmId = Claims.optString(claims, "rid");
        this.memberships = memberships(claims);
        this.selected = memberships.stream()
                .filter(LoginRocketMembership::selected)
                .findFirst()
                .orElse(memberships.isEmpty() ? null : memberships.get(0));
        // the claims object itself is not kept: Parsson holds each string as a StringBuilder, which
        // would multiply the memory a cached session costs; what the model maps is copied out
        this.token = token;
    }

    /**
     * Maps the claims of a login token into a session. This <em>does not verify anything</em>: use
     * {@link LoginRocketTokenVerifier} for tokens received from clients. Useful for tests and for
     * claims verified elsewhere.
     *
     * @param claims the token's payload
     * @param token the raw token the claims came from, kept for forwarding; not null
     * @return the session
     * @throws IllegalArgumentException if {@code sub}, {@code sid}, {@code iat} or {@code exp} is
     *     missing, or a claim the session reads has the wrong JSON type (the message names the
     *     claim, never its value)
     */
    public static LoginRocketSession fromClaims(JsonObject claims, String token) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(token, "token");
        return new LoginRocketSession(claims, token);
    }

    private static List<LoginRocketMembership> memberships(JsonObject claims) {
        JsonArray orgs = Claims.optArrayOf(claims, "orgs", JsonValue.ValueType.OBJECT, "objects");
        List<LoginRocketMembership> out = new ArrayList<>(orgs.size());
        for (JsonValue entry : orgs) {
            try {
                out.add(LoginRocketMembership.fromClaim(entry.asJsonObject()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("an entry of claim 'orgs' is malformed: " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The LoginRocket session id ({@code kss_…}, claim {@code sid}); treat it as a secret. */
    public String sessionId() {
        return sessionId;
    }

    /** The user. */
    public LoginRocketUser user() {
        return user;
    }

    /** All memberships in the token (a LoginRocket token usually holds only the selected one). */
    public List<LoginRocketMembership> memberships() {
        return memberships;
    }

    /** The membership marked {@code selected}, else the first one; empty if there is none. */
    public Optional<LoginRocketMembership> selectedMembership() {
        return Optional.ofNullable(selected);
    }

    /** The realm id ({@code rl_…}, claim {@code rid}), or {@code null} if the token has none. */
    public String realmId() {
        return realmId;
    }

    /** When the token was issued (claim {@code iat}); not proof of a fresh interactive login. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** When the token expires (claim {@code exp}). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The raw login token, e.g. to forward it; treat it as a secret and never log it. */
    public String token() {
        return token;
    }

    /**
     * Whether the selected membership grants a permission.
     *
     * @param permission e.g. {@code "admin"}; {@code null} is never granted
     */
    public boolean hasPermission(String permission) {
        return selected != null && permission != null && selected.permissions().contains(permission);
    }

    @Override
    public String toString() {
        return "LoginRocketSession[user=" + user.id() + ", realm=" + realmId
                + ", account=" + (selected == null ? null : selected.orgId()) + ", expiresAt=" + expiresAt + "]";
    }
}
