package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket rejected the input: HTTP 409 or 422 with {@code "result":"error"}.
 *
 * <p>This is the expected outcome of a wrong password, an e-mail that is taken, a weak password,
 * an invalid or expired reset token, or a lockout after too many attempts (LoginRocket reports
 * lockouts this way, not with 429). {@link #messages()} holds LoginRocket's messages, localised
 * by the call's {@code Accept-Language}; they are written for end users and can be shown as is.
 *
 * <p>Also thrown for a 2xx response whose body says {@code "result":"error"} (older LoginRocket
 * versions answered errors with 200 for browser compatibility), with that 2xx status.
 *
 * @since 0.1
 */
public class ValidationException extends LoginRocketException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do; must not contain secrets
     * @param status the HTTP status
     * @param requestId the response's {@code X-Request-ID}, or {@code null}
     * @param messages the messages from the response body, possibly empty
     * @param cause the underlying exception, or {@code null}
     */
    public ValidationException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
