package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code PUT /v2/profile}: change the session user's profile. Only the fields that
 * are set are sent. A successful call returns a {@code full_login} with a new token that reflects the
 * changes.
 *
 * <p>The session id is sent as the {@code session} query parameter, never in the body.
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class UpdateProfileRequest {

    private final String sessionId;
    private final Map<String, Object> fields;

    private UpdateProfileRequest(Builder b) {
        this.sessionId = Objects.requireNonNull(b.sessionId, "UpdateProfileRequest: sessionId is required");
        this.fields = b.fields.build("email", b.email, "first_name", b.firstName, "last_name", b.lastName, "username", b.username, "password", b.password, "password_confirmation", b.passwordConfirmation, "locale", b.locale);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The session id, sent as the {@code session} query parameter. */
    String sessionId() {
        return sessionId;
    }

    /** The body fields in wire names and order, extras last. */
    Map<String, Object> fields() {
        return fields;
    }

    /** The names of the fields that are set; never their values. */
    @Override
    public String toString() {
        return "UpdateProfileRequest[session=present] " + fields.keySet();
    }

    /**
     * Builds an {@link UpdateProfileRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("UpdateProfileRequest", "email", "first_name", "last_name", "username", "password", "password_confirmation", "locale");
        private String sessionId;
        private String email;
        private String firstName;
        private String lastName;
        private String username;
        private String password;
        private String passwordConfirmation;
        private String locale;

        private Builder() {}

        /**
         * Sets the LoginRocket session id ({@code kss_…}) of the user (required).
         *
         * @param sessionId the value
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * Sets a new e-mail address.
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets a new first name.
         *
         * @param firstName the value
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * Sets a new last name.
         *
         * @param lastName the value
         * @return this builder
         */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /**
         * Sets a new username.
         *
         * @param username the value
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets a new password.
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the new password again.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            this.passwordConfirmation = passwordConfirmation;
            return this;
        }

        /**
         * Sets the user's preferred locale, such as {@code es}.
         *
         * @param locale the value
         * @return this builder
         */
        public Builder locale(String locale) {
            this.locale = locale;
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
        public UpdateProfileRequest build() {
            return new UpdateProfileRequest(this);
        }
    }
}
