package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket answered 403: the session id is missing, expired, logged out or unknown, or the
 * call is not allowed. Treat the user as logged out.
 *
 * @since 0.1
 */
public class AccessDeniedException extends LoginRocketException {

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
    public AccessDeniedException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
