package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.Map;

/**
 * What every request object ({@link LoginRequest}, {@link SignupRequest}, ...) holds and shows: its
 * built fields, the session id of calls that act on a session, and a {@code toString()} that names
 * the fields but never shows a value. Package-private so that it is no part of the API; javadoc
 * documents its public method on each request class.
 */
abstract class RequestObject {

    private final RequestFields.Built request;

    RequestObject(RequestFields.Built request) {
        this.request = request;
    }

    /** The session id, sent as the {@code session} query parameter; null for calls without one. */
    String sessionId() {
        return request.sessionId();
    }

    /** The body fields in wire names and order, extras last. */
    Map<String, Object> fields() {
        return request.fields();
    }

    /** The names of the fields that are set; never their values. */
    @Override
    public String toString() {
        return request.toString();
    }
}
