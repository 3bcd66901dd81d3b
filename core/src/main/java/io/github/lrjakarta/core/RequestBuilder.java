package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.RequestFields;
import java.util.function.Function;

/**
 * What every request builder does besides its typed setters: {@code extra(...)} fields and {@code
 * build()}. Package-private so that it is no part of the API; javadoc documents its public methods
 * on each builder, with the builder's own types.
 *
 * @param <B> the builder, returned by the setters for chaining
 * @param <R> the request it builds
 */
abstract class RequestBuilder<B extends RequestBuilder<B, R>, R> {

    private final RequestFields fields;
    private final Function<RequestFields.Built, R> factory;

    RequestBuilder(RequestFields fields, Function<RequestFields.Built, R> factory) {
        this.fields = fields;
        this.factory = factory;
    }

    /**
     * Adds a body field this version has no setter for. It cannot replace a typed field and
     * cannot be {@code session}.
     *
     * @param name the field's wire name
     * @param value a String, Boolean, Number or {@link jakarta.json.JsonValue} (use {@code
     *     JsonValue.NULL} for an explicit null; objects and arrays only work with JSON bodies)
     * @return this builder
     * @throws IllegalArgumentException if the name is reserved or the value type unsupported
     */
    public B extra(String name, Object value) {
        fields.extra(name, value);
        return self();
    }

    /**
     * The request.
     *
     * @throws NullPointerException if a required field is missing
     */
    public R build() {
        return factory.apply(fields.build());
    }

    /** Sets (or with null unsets) a typed field, for the builders' setters. */
    B set(String wireName, String value) {
        fields.set(wireName, value);
        return self();
    }

    /** Sets (or with null unsets) the session id, for the builders of calls that act on a session. */
    B session(String sessionId) {
        fields.sessionId(sessionId);
        return self();
    }

    @SuppressWarnings("unchecked") // B is the subclass itself: each builder extends RequestBuilder<itself, ...>
    private B self() {
        return (B) this;
    }
}
