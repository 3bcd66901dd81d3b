package io.github.lrjakarta.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CORS for the realm's {@code allowed_origins} (LoginRocket's "CORS Origins" setting): exact
 * {@code scheme://host[:port]} matches only. An unlisted origin gets no {@code Access-Control-*}
 * headers at all, so the browser blocks the response.
 */
public final class Cors {

    /** Request headers a browser client may send (loginrocket.js sends {@code LR-Agent}). */
    static final Set<String> ALLOWED_HEADERS = Set.of("accept", "accept-language", "content-type", "lr-agent");
    static final String ALLOWED_HEADERS_VALUE = "Accept, Accept-Language, Content-Type, LR-Agent";
    static final String ALLOWED_METHODS_VALUE = "GET, POST, PUT, DELETE";

    private final Supplier<List<String>> allowedOrigins;

    public Cors(Supplier<List<String>> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    private boolean allowed(String origin) {
        return origin != null && allowedOrigins.get().stream().anyMatch(o -> o.equalsIgnoreCase(stripSlash(origin)));
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** Adds the headers for an actual (non-preflight) request. */
    void decorate(Call call) {
        call.addHeader("Vary", "Origin");
        String origin = call.header("origin").orElse(null);
        if (allowed(origin)) {
            call.setHeader("Access-Control-Allow-Origin", origin);
            call.setHeader("Access-Control-Expose-Headers", "X-Request-ID, Ratelimit-Reset");
        }
    }

    /** Whether a request is a CORS preflight. */
    static boolean isPreflight(Call call) {
        return call.method().equals("OPTIONS") && call.header("access-control-request-method").isPresent();
    }

    /** Answers a preflight with 204, granting it only for an allowed origin. */
    void preflight(Call call) {
        String origin = call.header("origin").orElse(null);
        if (allowed(origin)) {
            String method = call.header("access-control-request-method").orElse("").toUpperCase(Locale.ROOT);
            call.setHeader("Access-Control-Allow-Origin", origin);
            if (ALLOWED_METHODS_VALUE.contains(method) && !method.isEmpty()) {
                call.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS_VALUE);
            }
            call.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS_VALUE);
            call.setHeader("Access-Control-Max-Age", "7200");
        }
        call.empty(204);
    }
}
