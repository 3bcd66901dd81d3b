package io.github.lrjakarta.core;

import jakarta.json.JsonObject;
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

    LoginResult(
            Type type,
            int status,
            String sessionId,
            String account,
            String token,
            List<String> conditions,
            String requestId,
            JsonObject body) {
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.sessionId = sessionId;
        this.account = account;
        this.token = token;
        this.conditions = List.copyOf(conditions);
        this.requestId = requestId;
        this.body = Objects.requireNonNull(body, "body");
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
}
