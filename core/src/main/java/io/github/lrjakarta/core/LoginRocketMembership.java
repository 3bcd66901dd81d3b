package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.jwt.Claims;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One membership of the user in an org ("account"), from an entry of the token's {@code orgs}
 * claim. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LoginRocketMembership {

    private final String id;
    private final String orgId;
    private final String orgName;
    private final Set<String> permissions;
    private final boolean selected;
    private final String reference;
    private final JsonObject custom;

    private LoginRocketMembership(JsonObject entry) {
        this.id = Claims.requiredString(entry, "mid");
        this.orgId = Claims.requiredString(entry, "oid");
        this.orgName = Claims.optString(entry, "name");
        this.permissions = permissions(Claims.optArrayOf(entry, "perm", JsonValue.ValueType.STRING, "strings"));
        this.selected = Boolean.TRUE.equals(Claims.optBoolean(entry, "selected"));
        this.reference = Claims.optString(entry, "ref");
        this.custom = Claims.optObject(entry, "cs");
    }

    /**
     * Reads one {@code orgs} entry (already known to be an object).
     *
     * @throws IllegalArgumentException if {@code mid} or {@code oid} is missing or not a string, or
     *     another field has the wrong JSON type: an entry that cannot be read exactly grants nothing,
     *     and the token that carries it is malformed
     */
    static LoginRocketMembership fromClaim(JsonObject entry) {
        return new LoginRocketMembership(entry);
    }

    private static Set<String> permissions(JsonArray perm) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonValue p : perm) {
            out.add(((JsonString) p).getString());
        }
        return Collections.unmodifiableSet(out);
    }

    /** The membership id ({@code mb_…}, claim {@code mid}). */
    public String id() {
        return id;
    }

    /** The org (account) id ({@code org_…}, claim {@code oid}). */
    public String orgId() {
        return orgId;
    }

    /** The org's name (claim {@code name}). */
    public Optional<String> orgName() {
        return Optional.ofNullable(orgName);
    }

    /** The permissions granted by this membership (claim {@code perm}), in token order; unmodifiable. */
    public Set<String> permissions() {
        return permissions;
    }

    /** Whether this is the account selected for the session (claim {@code selected}). */
    public boolean selected() {
        return selected;
    }

    /** The application's own reference for the org (claim {@code ref}). */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** Custom attributes of the org (claim {@code cs}); the empty object when absent. */
    public JsonObject custom() {
        return custom;
    }

    @Override
    public String toString() {
        return "LoginRocketMembership[" + id + ", org=" + orgId + ", permissions=" + permissions
                + (selected ? ", selected" : "") + "]";
    }
}
