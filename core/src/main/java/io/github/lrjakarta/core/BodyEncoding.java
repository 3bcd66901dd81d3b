package io.github.lrjakarta.core;

/**
 * How {@link LoginRocketClient} encodes the fields of POST and PUT requests.
 *
 * <p>LoginRocket accepts both encodings. JSON is the default because it is what the official
 * LoginRocket client sends and because it carries {@code null}, numbers and booleans as such;
 * form encoding exists for deployments whose proxies or WAFs only pass classic form posts.
 * Whatever the encoding, a session id never goes into the body: it always travels as the
 * {@code session} query parameter.
 *
 * @since 0.1
 */
public enum BodyEncoding {
    /** {@code Content-Type: application/json} (the default). */
    JSON,
    /**
     * {@code Content-Type: application/x-www-form-urlencoded}. Only scalar fields can be form
     * encoded: an {@code extra(...)} field holding a JSON object or array is rejected with an
     * {@link IllegalArgumentException} before anything is sent.
     */
    FORM
}
