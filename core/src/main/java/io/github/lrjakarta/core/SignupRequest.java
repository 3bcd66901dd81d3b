package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code POST /v2/signup}: create a user in a realm with open sign-up (or with an
 * invitation token). Which optional fields are needed depends on the realm's settings. A successful
 * call returns a {@code full_login}, or {@code okay} when the realm verifies e-mail addresses first.
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class SignupRequest extends RequestObject {

    private SignupRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link SignupRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, SignupRequest> {
        private Builder() {
            super(RequestFields.of("SignupRequest")
                        .required("email", "password")
                        .optional("password_confirmation", "first_name", "last_name", "username", "org_name", "invitation"),
                    SignupRequest::new);
        }

        /**
         * Sets the new user's e-mail address (required).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            return set("email", email);
        }

        /**
         * Sets the new user's password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            return set("password", password);
        }

        /**
         * Sets the password again.
         *
         * @param passwordConfirmation the value
         * @return this builder
         */
        public Builder passwordConfirmation(String passwordConfirmation) {
            return set("password_confirmation", passwordConfirmation);
        }

        /**
         * Sets the first name.
         *
         * @param firstName the value
         * @return this builder
         */
        public Builder firstName(String firstName) {
            return set("first_name", firstName);
        }

        /**
         * Sets the last name.
         *
         * @param lastName the value
         * @return this builder
         */
        public Builder lastName(String lastName) {
            return set("last_name", lastName);
        }

        /**
         * Sets the username.
         *
         * @param username the value
         * @return this builder
         */
        public Builder username(String username) {
            return set("username", username);
        }

        /**
         * Sets the name of the account (org) to create.
         *
         * @param orgName the value
         * @return this builder
         */
        public Builder orgName(String orgName) {
            return set("org_name", orgName);
        }

        /**
         * Sets an invitation token.
         *
         * @param invitation the value
         * @return this builder
         */
        public Builder invitation(String invitation) {
            return set("invitation", invitation);
        }
    }
}
