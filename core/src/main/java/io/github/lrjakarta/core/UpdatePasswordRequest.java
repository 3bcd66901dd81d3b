package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code POST /v2/profile/password}: change the password of the session's user, who
 * must give the current one. A successful call returns {@code okay}.
 *
 * <p>The session id is sent as the {@code session} query parameter, never in the body.
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class UpdatePasswordRequest {

    private final String sessionId;
    private final Map<String, Object> fields;

    private UpdatePasswordRequest(Builder b) {
        this.sessionId = Objects.requireNonNull(b.sessionId, "UpdatePasswordRequest: sessionId is required");
        Objects.requireNonNull(b.currentPassword, "UpdatePasswordRequest: currentPassword is required");
        Objects.requireNonNull(b.password, "UpdatePasswordRequest: password is required");
        this.fields = b.fields.build("current_password", b.currentPassword, "password", b.password, "password_confirmation", b.passwordConfirmation);
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
        return "UpdatePasswordRequest[session=present] " + fields.keySet();
    }

    /**
     * Builds an {@link UpdatePasswordRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("UpdatePasswordRequest", "current_password", "password", "password_confirmation");
        private String sessionId;
        private String currentPassword;
        private String password;
        private String passwordConfirmation;

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
         * Sets the current password (required).
         *
         * @param currentPassword the value
         * @return this builder
         */
        public Builder currentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
            return this;
        }

        /**
         * Sets the new password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the new password again; optional.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            this.passwordConfirmation = passwordConfirmation;
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
        public UpdatePasswordRequest build() {
            return new UpdatePasswordRequest(this);
        }
    }
}
