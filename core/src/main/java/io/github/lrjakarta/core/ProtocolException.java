package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket's response was not what the API promises: a body that is not JSON or not a JSON
 * object, a wrong content type, a missing or unknown {@code result}, a {@code full_login} without
 * a token, or a body larger than the client's {@code maxResponseBytes}. Often the URL points at
 * something that is not LoginRocket (a proxy error page, a web server).
 *
 * @since 0.1
 */
public class ProtocolException extends LoginRocketException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do; must not contain secrets
     * @param status the HTTP status, or 0 if none was received
     * @param requestId the response's {@code X-Request-ID}, or {@code null}
     * @param messages the messages from the response body, possibly empty
     * @param cause the underlying exception, or {@code null}
     */
    public ProtocolException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
