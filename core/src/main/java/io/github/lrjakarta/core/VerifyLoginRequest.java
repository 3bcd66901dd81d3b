package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of {@code POST /v2/login/verify}: finish a login that needs a second factor, with the
 * step token a previous {@code conditional_login} carried and the code the user entered. LoginRocket
 * documents this call only by its path, so further fields can be sent with {@link
 * Builder#extra(String, Object)}.
 *
 * <p>Fields this version does not model can be added with {@link Builder#extra(String, Object)}
 * (for example when LoginRocket introduces a new optional field). Instances are immutable and
 * thread-safe, and their {@code toString()} never shows a password, token or session id.
 *
 * @since 0.1
 */
public final class VerifyLoginRequest {

    private final Map<String, Object> fields;

    private VerifyLoginRequest(Builder b) {
        Objects.requireNonNull(b.token, "VerifyLoginRequest: token is required");
        Objects.requireNonNull(b.code, "VerifyLoginRequest: code is required");
        this.fields = b.fields.build("token", b.token, "code", b.code);
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
        return "VerifyLoginRequest" + fields.keySet();
    }

    /**
     * Builds a {@link VerifyLoginRequest}. Not thread-safe; the built request is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final RequestFields fields = new RequestFields("VerifyLoginRequest", "token", "code");
        private String token;
        private String code;

        private Builder() {}

        /**
         * Sets the pending-login token from the previous step (required).
         *
         * @param token the value
         * @return this builder
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * Sets the verification code the user entered (required).
         *
         * @param code the value
         * @return this builder
         */
        public Builder code(String code) {
            this.code = code;
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
        public VerifyLoginRequest build() {
            return new VerifyLoginRequest(this);
        }
    }
}
