package io.github.lrjakarta.core;

import java.util.List;

/**
 * LoginRocket answered with a 4xx status that has no more specific exception (400, 405, 406,
 * 414, 415 ...): the request itself was not acceptable. This usually points at a bug or a version
 * mismatch; report it with the {@link #requestId()}.
 *
 * @since 0.1
 */
public class ClientErrorException extends LoginRocketException {

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
    public ClientErrorException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
