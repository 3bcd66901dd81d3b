package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code POST /v2/password/reset}: set a new password with the reset token from the
 * e-mail that {@code forgotPassword} triggered. A successful call logs the user in ({@code
 * full_login}).
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class ResetPasswordRequest {

    private final Map<String, Object> fields;

    private ResetPasswordRequest(Builder b) {
        Objects.requireNonNull(b.token, "ResetPasswordRequest: token is required");
        Objects.requireNonNull(b.password, "ResetPasswordRequest: password is required");
        this.fields = b.fields.build("token", b.token, "password", b.password, "password_confirmation", b.passwordConfirmation);
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
        return "ResetPasswordRequest" + fields.keySet();
    }

    /**
     * Builds a {@link ResetPasswordRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("ResetPasswordRequest", "token", "password", "password_confirmation");
        private String token;
        private String password;
        private String passwordConfirmation;

        private Builder() {}

        /**
         * Sets the reset token from the e-mail ({@code tpw:…}) (required).
         *
         * @param token the value
         * @return this builder
         */
        public Builder token(String token) {
            this.token = token;
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
         * Sets the new password again; LoginRocket checks it whenever it is sent.
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
        public ResetPasswordRequest build() {
            return new ResetPasswordRequest(this);
        }
    }
}
