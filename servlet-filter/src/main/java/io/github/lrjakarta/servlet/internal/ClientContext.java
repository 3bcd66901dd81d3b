package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Binds the browser's {@code User-Agent} and {@code Accept-Language} to the thread while a request
 * is in the filter, so that LoginRocket calls made meanwhile record the real client and answer
 * in the user's language.
 *
 * <p>Building {@link CallOptions} means sanitising the agent and parsing the language list; the
 * last result is kept per thread and reused while the same client keeps sending the same header
 * values (the common case on a keep-alive connection), so the steady state costs two header
 * lookups and two string comparisons.
 */
public final class ClientContext {

    private static final class Last {
        String userAgent;
        String acceptLanguage;
        CallOptions options = CallOptions.none();
    }

    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    /** For a request with neither header there is nothing to forward, and nothing is bound. */
    private static final CallContext.Scope NOTHING_BOUND = () -> {};

    private ClientContext() {}

    /** Binds the request's client; close the scope when the request leaves the filter. */
    public static CallContext.Scope bind(HttpServletRequest request) {
        String userAgent = request.getHeader("User-Agent");
        String acceptLanguage = request.getHeader("Accept-Language");
        if (userAgent == null && acceptLanguage == null) {
            return NOTHING_BOUND;
        }
        Last last = LAST.get();
        if (!Objects.equals(userAgent, last.userAgent) || !Objects.equals(acceptLanguage, last.acceptLanguage)) {
            last.options = CallOptions.builder()
                    .endUserAgent(userAgent)
                    .locale(preferredLocale(acceptLanguage))
                    .build();
            last.userAgent = userAgent;
            last.acceptLanguage = acceptLanguage;
        }
        return CallContext.bind(last.options);
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
