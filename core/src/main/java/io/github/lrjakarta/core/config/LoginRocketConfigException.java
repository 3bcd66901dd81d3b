package io.github.lrjakarta.core.config;

import java.util.List;
import java.util.Optional;

/**
 * Invalid or missing configuration. The message names the key, the source the value came from,
 * the value itself (unless the key is secret) and what was expected, for example:
 *
 * <pre>
 * loginrocket.cors.max-age='5 minutes' from init-params of filter LoginRocketFilter 'loginrocket.cors.max-age':
 * not a duration; expected a number with a unit (500ms, 5s, 10m, 1h, 2d) or ISO-8601 such as PT5S
 * </pre>
 *
 * <p>{@link LoginRocketConfig#validate()} reports every problem at once: {@link #problems()} has
 * one line per key. Meant to fail a deployment, so it is thrown at startup, not per request.
 *
 * @since 0.1
 */
public class LoginRocketConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String sourceName;
    private final List<String> problems;

    /**
     * @param key the full key of the (first) problem
     * @param sourceName the source of the offending value, or {@code null} when the key is missing
     * @param problems one message per problem, at least one
     */
    public LoginRocketConfigException(String key, String sourceName, List<String> problems) {
        super(problems.size() == 1
                ? problems.get(0)
                : "Invalid LoginRocket configuration (" + problems.size() + " problems):\n  - "
                        + String.join("\n  - ", problems));
        this.key = key;
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The full key of the (first) problem, e.g. {@code loginrocket.url}. */
    public String key() {
        return key;
    }

    /** The source of the (first) offending value; empty when the key is missing everywhere. */
    public Optional<String> sourceName() {
        return Optional.ofNullable(sourceName);
    }

    /** Every problem found, one message each. */
    public List<String> problems() {
        return problems;
    }
}
