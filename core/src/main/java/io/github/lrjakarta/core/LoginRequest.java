package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code POST /v2/login}: log a user in with e-mail (or username, or user id) and
 * password. A successful call returns a {@code full_login}, or a {@code conditional_login} when a
 * further step is needed.
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class LoginRequest extends RequestObject {

    private LoginRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link LoginRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, LoginRequest> {
        private Builder() {
            super(RequestFields.of("LoginRequest")
                        .required("email", "password")
                        .optional("account"),
                    LoginRequest::new);
        }

        /**
         * Sets the e-mail address, username or user id ({@code usr_…}) to log in as; e-mails and usernames are case-insensitive (required).
         *
         * @param email the value
         * @return this builder
         */
        public Builder email(String email) {
            return set("email", email);
        }

        /**
         * Sets the password (required).
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            return set("password", password);
        }

        /**
         * Sets the preferred account (org id, {@code org_…}) to select; optional.
         *
         * @param account the value
         * @return this builder
         */
        public Builder account(String account) {
            return set("account", account);
        }
    }
}
