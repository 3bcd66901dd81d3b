package io.github.lrjakarta.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the emulated realm, as a fixture. Immutable.
 *
 * <p>Defaults: no names, no username, locale {@code en}, e-mail verified, no reference, empty custom
 * attributes, no orgs, MFA off (TOTP code {@value #DEFAULT_TOTP_CODE} when switched on), and a stable
 * {@code usr_…} id derived from realm id and e-mail unless one is given.
 *
 * @since 0.1
 */
public final class UserFixture {

    /** The TOTP code every MFA user accepts unless a fixture says otherwise. */
    public static final String DEFAULT_TOTP_CODE = "123456";

    private final String email;
    private final String password;
    private final String id;
    private final String firstName;
    private final String lastName;
    private final String username;
    private final String locale;
    private final boolean emailVerified;
    private final String reference;
    private final JsonObject custom;
    private final boolean mfa;
    private final String totpCode;
    private final List<OrgFixture> orgs;

    private UserFixture(Builder b) {
        this.email = Objects.requireNonNull(b.email, "email");
        this.password = Objects.requireNonNull(b.password, "password");
        if (email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("user email must look like an e-mail address, got: " + email);
        }
        this.id = b.id;
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.username = b.username;
        this.locale = b.locale;
        this.emailVerified = b.emailVerified;
        this.reference = b.reference;
        this.custom = b.custom;
        this.mfa = b.mfa;
        this.totpCode = b.totpCode;
        this.orgs = List.copyOf(b.orgs);
    }

    /** Starts a builder for a user with this e-mail and password. */
    public static Builder builder(String email, String password) {
        return new Builder(email, password);
    }

    /** E-mail address (login name, case-insensitive). */
    public String email() {
        return email;
    }

    /** The password the user logs in with. */
    public String password() {
        return password;
    }

    /** A fixed {@code usr_…} id, if one was given. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Given name. */
    public Optional<String> firstName() {
        return Optional.ofNullable(firstName);
    }

    /** Family name. */
    public Optional<String> lastName() {
        return Optional.ofNullable(lastName);
    }

    /** Username (also accepted as login name, case-insensitive). */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Locale claim, default {@code en}. */
    public String locale() {
        return locale;
    }

    /** The {@code email_verified} claim, default {@code true}. */
    public boolean emailVerified() {
        return emailVerified;
    }

    /** The user's reference ({@code ref} claim). */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** Custom attributes ({@code cs} claim). */
    public JsonObject custom() {
        return custom;
    }

    /** Whether login needs a second step ({@code POST /v2/login/verify}); default {@code false}. */
    public boolean mfa() {
        return mfa;
    }

    /** The TOTP code accepted for this user's second step. */
    public String totpCode() {
        return totpCode;
    }

    /** Memberships, in order (the first is the default account in single-user realms). */
    public List<OrgFixture> orgs() {
        return orgs;
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "UserFixture[" + email + "]";
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final String email;
        private final String password;
        private String id;
        private String firstName;
        private String lastName;
        private String username;
        private String locale = "en";
        private boolean emailVerified = true;
        private String reference;
        private JsonObject custom = JsonObject.EMPTY_JSON_OBJECT;
        private boolean mfa;
        private String totpCode = DEFAULT_TOTP_CODE;
        private final List<OrgFixture> orgs = new ArrayList<>();

        private Builder(String email, String password) {
            this.email = email;
            this.password = password;
        }

        /** A fixed user id; must start with {@code usr_}. */
        public Builder id(String id) {
            if (id != null && !id.startsWith("usr_")) {
                throw new IllegalArgumentException("user id must start with usr_, got: " + id);
            }
            this.id = id;
            return this;
        }

        /** Given and family name. */
        public Builder name(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            return this;
        }

        /** Given name. */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** Family name. */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** Username. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** Locale claim. */
        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The {@code email_verified} claim. */
        public Builder emailVerified(boolean emailVerified) {
            this.emailVerified = emailVerified;
            return this;
        }

        /** The user's reference. */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** Custom attributes. */
        public Builder custom(JsonObject custom) {
            this.custom = Objects.requireNonNull(custom, "custom");
            return this;
        }

        /** Adds one string custom attribute. */
        public Builder custom(String key, String value) {
            this.custom = Json.createObjectBuilder(custom).add(key, value).build();
            return this;
        }

        /** Requires a second login step with the {@link #DEFAULT_TOTP_CODE}. */
        public Builder mfa(boolean mfa) {
            this.mfa = mfa;
            return this;
        }

        /** Requires a second login step with this code. */
        public Builder totpCode(String totpCode) {
            this.totpCode = Objects.requireNonNull(totpCode, "totpCode");
            this.mfa = true;
            return this;
        }

        /** Adds memberships. */
        public Builder org(OrgFixture... orgs) {
            this.orgs.addAll(List.of(orgs));
            return this;
        }

        /** Adds a membership in an org with this name and these permissions. */
        public Builder org(String name, String... permissions) {
            return org(OrgFixture.of(name, permissions));
        }

        /** Builds the fixture. */
        public UserFixture build() {
            return new UserFixture(this);
        }
    }
}
