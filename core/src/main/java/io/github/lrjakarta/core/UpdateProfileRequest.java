package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code PUT /v2/profile}: change the session user's profile. Only the fields that
 * are set are sent. A successful call returns a {@code full_login} with a new token that reflects the
 * changes.
 *
 * <p>The session id is sent as the {@code session} query parameter, never in the body.
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class UpdateProfileRequest extends RequestObject {

    private UpdateProfileRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link UpdateProfileRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, UpdateProfileRequest> {
        private Builder() {
            super(RequestFields.withSession("UpdateProfileRequest")
                        .optional("email", "first_name", "last_name", "username")
                        .optional("password", "password_confirmation", "locale"),
                    UpdateProfileRequest::new);
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
         * Sets a new e-mail address.
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            return set("email", email);
        }

        /**
         * Sets a new first name.
         *
         * @param firstName the value
         * @return this builder
         */
        public Builder firstName(String firstName) {
            return set("first_name", firstName);
        }

        /**
         * Sets a new last name.
         *
         * @param lastName the value
         * @return this builder
         */
        public Builder lastName(String lastName) {
            return set("last_name", lastName);
        }

        /**
         * Sets a new username.
         *
         * @param username the value
         * @return this builder
         */
        public Builder username(String username) {
            return set("username", username);
        }

        /**
         * Sets a new password.
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            return set("password", password);
        }

        /**
         * Sets the new password again.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            return set("password_confirmation", passwordConfirmation);
        }

        /**
         * Sets the user's preferred locale, such as {@code es}.
         *
         * @param locale the value
         * @return this builder
         */
        public Builder locale(String locale) {
            return set("locale", locale);
        }
    }
}
