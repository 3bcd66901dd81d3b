package io.github.lrjakarta.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's membership in an account (org), as a fixture. Orgs are identified by name across users:
 * two users listing an org with the same name are members of the same org. Immutable.
 *
 * <p>Defaults: no permissions, no id (a stable {@code org_…} id is derived from realm id and name),
 * no reference, empty custom attributes.
 *
 * @since 0.1
 */
public final class OrgFixture {

    private final String name;
    private final List<String> permissions;
    private final String id;
    private final String reference;
    private final JsonObject custom;

    private OrgFixture(Builder b) {
        this.name = Objects.requireNonNull(b.name, "org name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("org name must not be blank");
        }
        this.permissions = List.copyOf(b.permissions);
        this.id = b.id;
        this.reference = b.reference;
        this.custom = b.custom;
    }

    /** An org with a name and the member's permissions. */
    public static OrgFixture of(String name, String... permissions) {
        return builder(name).permissions(permissions).build();
    }

    /** Starts a builder for an org with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Org name (the token's {@code orgs[].name}). */
    public String name() {
        return name;
    }

    /** The member's permissions (the token's {@code orgs[].perm}). */
    public List<String> permissions() {
        return permissions;
    }

    /** A fixed {@code org_…} id, if one was given. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The org's own reference (the token's {@code orgs[].ref}). */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** Custom attributes (the token's {@code orgs[].cs}). */
    public JsonObject custom() {
        return custom;
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final String name;
        private List<String> permissions = List.of();
        private String id;
        private String reference;
        private JsonObject custom = JsonObject.EMPTY_JSON_OBJECT;

        private Builder(String name) {
            this.name = name;
        }

        /** The member's permissions. */
        public Builder permissions(String... permissions) {
            return permissions(List.of(permissions));
        }

        /** The member's permissions. */
        public Builder permissions(List<String> permissions) {
            this.permissions = List.copyOf(permissions);
            return this;
        }

        /** A fixed org id; must start with {@code org_}. */
        public Builder id(String id) {
            if (id != null && !id.startsWith("org_")) {
                throw new IllegalArgumentException("org id must start with org_, got: " + id);
            }
            this.id = id;
            return this;
        }

        /** The org's reference ({@code ref}). */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** Custom attributes ({@code cs}). */
        public Builder custom(JsonObject custom) {
            this.custom = Objects.requireNonNull(custom, "custom");
            return this;
        }

        /** Adds one string custom attribute. */
        public Builder custom(String key, String value) {
            this.custom = Json.createObjectBuilder(custom).add(key, value).build();
            return this;
        }

        /** Builds the fixture. */
        public OrgFixture build() {
            return new OrgFixture(this);
        }
    }
}
