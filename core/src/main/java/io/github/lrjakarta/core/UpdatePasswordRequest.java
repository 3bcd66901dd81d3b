package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code POST /v2/profile/password}: change the password of the session's user, who
 * must give the current one. A successful call returns {@code okay}.
 *
 * <p>The session id is sent as the {@code session} query parameter, never in the body.
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class UpdatePasswordRequest extends RequestObject {

    private UpdatePasswordRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link UpdatePasswordRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, UpdatePasswordRequest> {
        private Builder() {
            super(RequestFields.withSession("UpdatePasswordRequest")
                        .required("current_password", "password")
                        .optional("password_confirmation"),
                    UpdatePasswordRequest::new);
        }

        /**
         * Sets the LoginRocket session id ({@code kss_…}) of the user (required).
         *
         * @param sessionId the value
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            return session(sessionId);
        }

        /**
         * Sets the current password (required).
         *
         * @param currentPassword the value
         * @return this builder
         */
        public Builder currentPassword(String currentPassword) {
            return set("current_password", currentPassword);
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
         * Sets the new password again; optional.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            return set("password_confirmation", passwordConfirmation);
        }
    }
}
