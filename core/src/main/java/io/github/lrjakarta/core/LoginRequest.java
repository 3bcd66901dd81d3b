package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code POST /v2/login}: log a user in with e-mail (or username, or user id) and
 * password. A successful call returns a {@code full_login}, or a {@code conditional_login} when a
 * further step is needed.
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class LoginRequest {

    private final Map<String, Object> fields;

    private LoginRequest(Builder b) {
        Objects.requireNonNull(b.email, "LoginRequest: email is required");
        Objects.requireNonNull(b.password, "LoginRequest: password is required");
        this.fields = b.fields.build("email", b.email, "password", b.password, "account", b.account);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The body fields in wire names and order, extras last. */
    Map<String, Object> fields() {
        return fields;
    }

    /** The names of the fields that are set; never their values. */
    @Override
    public String toString() {
        return "LoginRequest" + fields.keySet();
    }

    /**
     * Builds a {@link LoginRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("LoginRequest", "email", "password", "account");
        private String email;
        private String password;
        private String account;

        private Builder() {}

        /**
         * Sets the e-mail address, username or user id ({@code usr_…}) to log in as; e-mails and usernames are case-insensitive (required).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the preferred account (org id, {@code org_…}) to select; optional.
         *
         * @param account the value
         * @return this builder
         */
        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /**
         * Adds a body field this version has no setter for. It cannot replace a typed field and
         * cannot be {@code session}.
         *
         * @param name the field's wire name
         * @param value a String, Boolean, Number or {@link jakarta.json.JsonValue} (use {@code
         *     JsonValue.NULL} for an explicit null; objects and arrays only work with JSON bodies)
         * @return this builder
         * @throws IllegalArgumentException if the name is reserved or the value type unsupported
         */
        public Builder extra(String name, Object value) {
            fields.extra(name, value);
            return this;
        }

        /**
         * The request.
         *
         * @throws NullPointerException if a required field is missing
         */
        public LoginRequest build() {
            return new LoginRequest(this);
        }
    }
}
