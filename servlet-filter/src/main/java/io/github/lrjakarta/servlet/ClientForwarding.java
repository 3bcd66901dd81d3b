package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.RetryPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * Forwards the browser's {@code User-Agent} and {@code Accept-Language} on LoginRocket calls made
 * while a request is served, so that LoginRocket sessions record the real client and errors come
 * back in the user's language.
 *
 * <p>{@link LoginRocketFilter} and the CDI extension bind it for every request they see. Bind it
 * yourself where neither does, for example on the thread an asynchronous servlet hands work to:
 *
 * <pre>{@code
 * try (CallContext.Scope scope = ClientForwarding.bind(request)) {
 *     client.updateProfile(...);   // sent with the browser's agent and language
 * }
 * }</pre>
 *
 * <p>The binding is lazy: most requests never call LoginRocket, so the headers are read, the agent
 * sanitised and the language list parsed only when a call during the request asks for them (once
 * per request). Binding itself allocates nothing ({@link CallContext#bind(Object,
 * java.util.function.Function)} with a method reference), unless options were already bound on
 * the thread (by the CDI extension, say), in which case the nested scope is a small object.
 *
 * <p>The language is the first usable one of {@code Accept-Language} by weight, not {@code
 * ServletRequest.getLocale()}: that answers the server's default when the header is absent, which
 * would override the client's configured {@code loginrocket.locale}.
 *
 * @since 0.1
 */
public final class ClientForwarding {

    /**
     * Options for a call made on a request thread: one attempt, never a wait between attempts.
     * The pipeline passes them on its own calls, so they hold even where nobody bound {@link #bind};
     * other fields (the browser's agent and language) still come from the binding.
     *
     * @since 0.2
     */
    public static final CallOptions ONE_ATTEMPT = CallOptions.oneAttempt();

    private ClientForwarding() {}

    /**
     * Binds the request's client, and {@link RetryPolicy#none()}: every LoginRocket call made
     * during the request gets one attempt, so a request thread never sleeps between attempts (after
     * a 429 LoginRocket wants the caller to back off, not to hold a thread and try again). Code
     * that wants waiting retries asks for them with {@link CallOptions.Builder#retryPolicy}, off
     * the request path. Close the scope when the request leaves the filter.
     */
    public static CallContext.Scope bind(HttpServletRequest request) {
        return CallContext.bind(request, ClientForwarding::requestOptions);
    }

    private static CallOptions requestOptions(HttpServletRequest request) {
        CallOptions client = options(request);
        return client == null ? ONE_ATTEMPT : client.orElse(ONE_ATTEMPT);
    }

    /**
     * The request's client as call options.
     *
     * @return the options, or null if the request sent neither a usable agent nor a language
     */
    public static CallOptions options(HttpServletRequest request) {
        CallOptions options = CallOptions.builder()
                .endUserAgent(request.getHeader("User-Agent"))
                .locale(preferredLocale(request.getHeader("Accept-Language")))
                .build();
        return options == CallOptions.none() ? null : options;
    }

    /** The first language of an {@code Accept-Language} list by weight; null if none is usable. */
    static Locale preferredLocale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() > 0 && !range.getRange().startsWith("*")) {
                    Locale locale = Locale.forLanguageTag(range.getRange());
                    if (!locale.getLanguage().isEmpty()) {
                        return locale;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Malformed header from the client: send no language rather than fail the request.
        }
        return null;
    }
}
