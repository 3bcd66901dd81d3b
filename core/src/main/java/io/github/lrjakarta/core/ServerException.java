package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket answered with a 5xx status: a problem on the server side or on a proxy in between.
 * Try again later; quote the {@link #requestId()} to AuthRocket support if it persists.
 *
 * @since 0.1
 */
public class ServerException extends LoginRocketException {

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
    public ServerException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
