package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;

/**
 * The fields of {@code POST /v2/login/verify}: finish a login that needs a second factor, with the
 * step token a previous {@code conditional_login} carried and the code the user entered. LoginRocket
 * documents this call only by its path, so further fields can be sent with {@link
 * Builder}{@code .extra(String, Object)}.
 *
 * <p>Fields this version does not model can be added with {@link Builder}{@code .extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class VerifyLoginRequest extends RequestObject {

    private VerifyLoginRequest(RequestFields.Built request) {
        super(request);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link VerifyLoginRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder extends RequestBuilder<Builder, VerifyLoginRequest> {
        private Builder() {
            super(RequestFields.of("VerifyLoginRequest")
                        .required("token", "code"),
                    VerifyLoginRequest::new);
        }

        /**
         * Sets the pending-login token from the previous step (required).
         *
         * @param token the value
         * @return this builder
         */
        public Builder token(String token) {
            return set("token", token);
        }

        /**
         * Sets the verification code the user entered (required).
         *
         * @param code the value
         * @return this builder
         */
        public Builder code(String code) {
            return set("code", code);
        }
    }
}
