package io.github.lrjakarta.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * A LoginRocket error answer: a status and message keys from the catalogue, rendered (localized)
 * as {@code {"result":"error","error":…,"errors":[…]}}. Thrown by realm operations; never carries
 * credentials, since its message is only the catalogue key.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One message: a catalogue key and its arguments. */
    public record Message(String key, Object... args) {
    }

    private final int status;
    private final transient List<Message> messages;
    private final transient Map<String, String> headers;

    public ApiError(int status, List<Message> messages, Map<String, String> headers) {
        super(status + " " + messages.stream().map(Message::key).toList(), null, false, false);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an error needs at least one message");
        }
        this.status = status;
        this.messages = List.copyOf(messages);
        this.headers = Map.copyOf(headers);
    }

    /** One message, no extra headers. */
    public static ApiError of(int status, String key, Object... args) {
        return new ApiError(status, List.of(new Message(key, args)), Map.of());
    }

    /** 422 with one message. */
    public static ApiError invalid(String key, Object... args) {
        return of(422, key, args);
    }

    /** 403: missing, unknown, expired or logged-out session. */
    public static ApiError sessionInvalid() {
        return of(403, "session.invalid");
    }

    public int status() {
        return status;
    }

    public List<Message> messages() {
        return messages;
    }

    /** Extra response headers (e.g. {@code Allow}, {@code Ratelimit-Reset}). */
    public Map<String, String> headers() {
        return headers;
    }
}
