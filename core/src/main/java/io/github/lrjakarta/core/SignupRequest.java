package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code POST /v2/signup}: create a user in a realm with open sign-up (or with an
 * invitation token). Which optional fields are needed depends on the realm's settings. A successful
 * call returns a {@code full_login}, or {@code okay} when the realm verifies e-mail addresses first.
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class SignupRequest {

    private final Map<String, Object> fields;

    private SignupRequest(Builder b) {
        Objects.requireNonNull(b.email, "SignupRequest: email is required");
        Objects.requireNonNull(b.password, "SignupRequest: password is required");
        this.fields = b.fields.build("email", b.email, "password", b.password, "password_confirmation", b.passwordConfirmation, "first_name", b.firstName, "last_name", b.lastName, "username", b.username, "org_name", b.orgName, "invitation", b.invitation);
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
        return "SignupRequest" + fields.keySet();
    }

    /**
     * Builds a {@link SignupRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("SignupRequest", "email", "password", "password_confirmation", "first_name", "last_name", "username", "org_name", "invitation");
        private String email;
        private String password;
        private String passwordConfirmation;
        private String firstName;
        private String lastName;
        private String username;
        private String orgName;
        private String invitation;

        private Builder() {}

        /**
         * Sets the new user's e-mail address (required).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the new user's password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the password again.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            this.passwordConfirmation = passwordConfirmation;
            return this;
        }

        /**
         * Sets the first name.
         *
         * @param firstName the value
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * Sets the last name.
         *
         * @param lastName the value
         * @return this builder
         */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /**
         * Sets the username.
         *
         * @param username the value
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the name of the account (org) to create.
         *
         * @param orgName the value
         * @return this builder
         */
        public Builder orgName(String orgName) {
            this.orgName = orgName;
            return this;
        }

        /**
         * Sets an invitation token.
         *
         * @param invitation the value
         * @return this builder
         */
        public Builder invitation(String invitation) {
            this.invitation = invitation;
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
        public SignupRequest build() {
            return new SignupRequest(this);
        }
    }
}
