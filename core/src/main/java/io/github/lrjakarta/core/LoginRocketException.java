package io.github.lrjakarta.core;

import java.util.List;

/**
 * A LoginRocket call that did not succeed.
 *
 * <p>Every failure of {@link LoginRocketClient} is one of these subclasses, all unchecked:
 *
 * <table>
 *   <caption>Exceptions by cause</caption>
 *   <tr><th>Exception</th><th>When</th></tr>
 *   <tr><td>{@link ValidationException}</td><td>409 or 422: the input was rejected (wrong password,
 *       taken e-mail, lockout, bad token); {@link #messages()} holds LoginRocket's localised messages
 *       for the user</td></tr>
 *   <tr><td>{@link AccessDeniedException}</td><td>403: session missing, expired or logged out</td></tr>
 *   <tr><td>{@link NotFoundException}</td><td>404</td></tr>
 *   <tr><td>{@link RateLimitedException}</td><td>429, with the time to wait</td></tr>
 *   <tr><td>{@link ServerException}</td><td>5xx</td></tr>
 *   <tr><td>{@link ClientErrorException}</td><td>any other 4xx</td></tr>
 *   <tr><td>{@link ProtocolException}</td><td>a response that is not what the API promises (not
 *       JSON, wrong content type, unknown {@code result}, too large)</td></tr>
 *   <tr><td>{@link TransportException}</td><td>no usable response: refused, reset, timed out,
 *       TLS failure</td></tr>
 * </table>
 *
 * <p>Each carries the HTTP {@link #status()}, the {@link #requestId()} LoginRocket gave the
 * response ({@code X-Request-ID}; quote it to AuthRocket support) and the {@link #messages()} from
 * the body. The exception message says what happened and what to do, and names the method, the
 * path and the request id; it never contains a session id, a token or a password.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public class LoginRocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String requestId;
    private final List<String> messages;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do; must not contain secrets
     * @param status the HTTP status, or 0 if no response was received
     * @param requestId the response's {@code X-Request-ID}, or {@code null}
     * @param messages the messages from the response body, possibly empty
     * @param cause the underlying exception, or {@code null}
     */
    public LoginRocketException(String message, int status, String requestId, List<String> messages, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.requestId = requestId;
        this.messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The HTTP status of the response, or 0 if there was no response (transport failures). */
    public int status() {
        return status;
    }

    /** The {@code X-Request-ID} of the response, or {@code null} if there was none. */
    public String requestId() {
        return requestId;
    }

    /**
     * The messages from the response body ({@code errors}, else {@code error}), localised by the
     * call's {@code Accept-Language}. Empty if the body had none.
     */
    public List<String> messages() {
        return messages;
    }
}
