package io.github.lrjakarta.core;

import java.util.List;

/**
 * No usable HTTP response was received: the connection was refused or reset, a timeout expired
 * (connect, response, or waiting for a pooled connection), the TLS handshake failed (untrusted
 * certificate, no common TLS 1.2+ protocol), or the connection closed before the response was
 * complete. {@link #status()} is 0 and {@link #requestId()} is {@code null} unless a response
 * status line had already arrived.
 *
 * @since 0.1
 */
public class TransportException extends LoginRocketException {

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
    public TransportException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, status, requestId, messages, cause);
    }
}
