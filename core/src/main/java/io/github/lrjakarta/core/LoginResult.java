package io.github.lrjakarta.core;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The successful answer of a LoginRocket call, typed by its {@code result} field.
 *
 * <ul>
 *   <li>{@link Type#FULL_LOGIN}: the user is logged in. {@link #sessionId()} and {@link #token()}
 *       are present (the token is a fresh login JWT for the selected {@link #account()}).
 *   <li>{@link Type#CONDITIONAL_LOGIN}: a session exists but the user must do something first;
 *       {@link #conditions()} says what (for example {@code no_account_selected} in a multi-user
 *       realm: call {@link LoginRocketClient#getSession(String, String)} with an account). There
 *       is no login token, though the body may carry a step token for the next call.
 *   <li>{@link Type#OKAY}: the action was accepted (logout, e-mails sent, password changed, e-mail
 *       verified). A response with status 215 ("metadata only") and no {@code result} is also
 *       reported as {@code OKAY}.
 * </ul>
 *
 * <p>Errors are never results: they are thrown as {@link LoginRocketException}s.
 *
 * <p>{@link #body()} is the whole JSON object as LoginRocket sent it, for fields this version does
 * not model. {@link #toString()} never shows the token or the session id. Instances are immutable
 * and thread-safe.
 *
 * @since 0.1
 */
public final class LoginResult {

    /**
     * The {@code result} discriminator of a successful LoginRocket response.
     *
     * @since 0.1
     */
    public enum Type {
        /** {@code full_login}: logged in, with a session id and a login token. */
        FULL_LOGIN,
        /** {@code conditional_login}: a session that needs a further step; see the conditions. */
        CONDITIONAL_LOGIN,
        /** {@code okay}: the action was accepted. */
        OKAY
    }

    private final Type type;
    private final int status;
    private final String sessionId;
    private final String account;
    private final String token;
    private final List<String> conditions;
    private final String requestId;
    private final JsonObject body;

    private LoginResult(Builder b) {
        this.type = b.type;
        this.status = b.status;
        this.sessionId = b.sessionId;
        this.account = b.account;
        this.token = b.token;
        this.conditions = b.conditions;
        this.requestId = b.requestId;
        this.body = b.body;
    }

    /**
     * A builder of a result, the way the client builds them from LoginRocket's responses. Useful
     * for test doubles of code that calls {@link LoginRocketClient}; tests that can should rather
     * talk to the testkit's emulator, whose answers are LoginRocket's. The builder does not check
     * that the typed fields agree with {@link Builder#body(JsonObject) body}.
     *
     * <pre>{@code
     * LoginResult loggedIn = LoginResult.builder(LoginResult.Type.FULL_LOGIN)
     *         .sessionId("kss_test").token(signedToken).account("org_1")
     *         .build();
     * }</pre>
     *
     * @param type what kind of success
     * @return a builder with status 200, an empty body and no other field
     * @since 0.2
     */
    public static Builder builder(Type type) {
        return new Builder(type);
    }

    /** What kind of success this is. */
    public Type type() {
        return type;
    }

    /** Whether this is a {@link Type#FULL_LOGIN} (a login token is present). */
    public boolean isFullLogin() {
        return type == Type.FULL_LOGIN;
    }

    /** The HTTP status of the response (normally 200). */
    public int status() {
        return status;
    }

    /** The LoginRocket session id ({@code kss_…}), if the response carried one. A secret: do not log it. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** The selected account (org id, {@code org_…}), if any. */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /**
     * The login token (JWT) of a {@link Type#FULL_LOGIN}, or a step token if LoginRocket sent one
     * with another result. A secret: do not log it. Verify it with {@link LoginRocketTokenVerifier}
     * before trusting its claims.
     */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The conditions of a {@link Type#CONDITIONAL_LOGIN} (for example {@code no_account_selected}); else empty. */
    public List<String> conditions() {
        return conditions;
    }

    /** The response's {@code X-Request-ID}, or {@code null} if it had none. */
    public String requestId() {
        return requestId;
    }

    /** The whole response body. Contains the token and session id: do not log it. */
    public JsonObject body() {
        return body;
    }

    /** Type, status, account, conditions and request id; never the token or the session id. */
    @Override
    public String toString() {
        return "LoginResult[type=" + type + ", status=" + status + ", account=" + account + ", conditions="
                + conditions + ", session=" + (sessionId == null ? "none" : "present") + ", token="
                + (token == null ? "none" : "present") + ", requestId=" + requestId + "]";
    }

    /**
     * Builds a {@link LoginResult}. Not thread-safe; the result is immutable.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final Type type;
        private int status = 200;
        private String sessionId;
        private String account;
        private String token;
        private List<String> conditions = List.of();
        private String requestId;
        private JsonObject body = JsonValue.EMPTY_JSON_OBJECT;

        private Builder(Type type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The HTTP status. Default 200. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** The session id, or null for none. Default none. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** The selected account, or null for none. Default none. */
        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** The login or step token, or null for none. Default none. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The conditions of a conditional login. Default none. */
        public Builder conditions(List<String> conditions) {
            this.conditions = List.copyOf(conditions);
            return this;
        }

        /** The {@code X-Request-ID}, or null for none. Default none. */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** The whole response body. Default an empty object. */
        public Builder body(JsonObject body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** The result. */
        public LoginResult build() {
            return new LoginResult(this);
        }
    }
}
