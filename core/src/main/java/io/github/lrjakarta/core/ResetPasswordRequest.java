package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code POST /v2/password/reset}: set a new password with the reset token from the
 * e-mail that {@code forgotPassword} triggered. A successful call logs the user in ({@code
 * full_login}).
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class ResetPasswordRequest extends RequestObject {

    private ResetPasswordRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ResetPasswordRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, ResetPasswordRequest> {
        private Builder() {
            super(RequestFields.of("ResetPasswordRequest")
                        .required("token", "password")
                        .optional("password_confirmation"),
                    ResetPasswordRequest::new);
        }

        /**
         * Sets the reset token from the e-mail ({@code tpw:…}) (required).
         *
         * @param token the value
         * @return this builder
         */
        public Builder token(String token) {
            return set("token", token);
        }

        /**
         * Sets the new password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            return set("password", password);
        }

        /**
         * Sets the new password again; LoginRocket checks it whenever it is sent.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            return set("password_confirmation", passwordConfirmation);
        }
    }
}
