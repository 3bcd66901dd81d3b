package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket answered 404: the route or record does not exist, or the host is not a
 * LoginRocket realm (check {@code loginrocket.url}).
 *
 * @since 0.1
 */
public class NotFoundException extends LoginRocketException {

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
    public NotFoundException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
