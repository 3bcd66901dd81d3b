package io.github.lrjakarta.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received, for asserting what a client sent. Immutable.
 *
 * @param method     HTTP method, upper case
 * @param path       decoded request path, e.g. {@code /v2/login}
 * @param query      decoded query parameters in order of appearance
 * @param headers    request headers; names are lower case
 * @param body       the request body decoded as UTF-8 (empty when there was none)
 * @param receivedAt emulator-clock time of arrival
 * @since 0.1
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, List<String>> headers, String body, Instant receivedAt) {

    /** Copies the collections so the record stays immutable. */
    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (name matched case-insensitively). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Method and path only: query and body may hold session ids and passwords. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
