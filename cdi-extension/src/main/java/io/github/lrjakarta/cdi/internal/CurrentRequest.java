package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP request the current thread is serving, and the user's {@code User-Agent} and {@code
 * Accept-Language} bound to {@link CallContext} meanwhile.
 *
 * <p>Fed by {@link ServletEvents} from the CDI request-context events ({@code @Initialized} /
 * {@code @BeforeDestroyed(RequestScoped.class)}, whose payload is the {@code ServletRequest}),
 * which the CDI container fires from its own servlet request listener on the thread that serves
 * the request: Weld servlet on Tomcat and Jetty, Weld inside WildFly. So nothing needs to be
 * registered in {@code web.xml}, and a request is visible exactly where the request scope is
 * active.
 *
 * <p>Asynchronous requests: a container may end an async request on another thread; the entry
 * left on the first thread is then dropped (and its {@code CallContext} scope closed) when that
 * thread starts its next request.
 */
public final class CurrentRequest {

    private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {}

    /** The HTTP request of the current thread, if it is serving one. */
    public static Optional<HttpServletRequest> get() {
        Entry entry = CURRENT.get();
        return entry == null ? Optional.empty() : Optional.of(entry.request);
    }

    static void enter(ServletRequest request) {
        if (!(request instanceof HttpServletRequest)) {
            return;
        }
        Entry stale = CURRENT.get();
        if (stale != null) {
            CURRENT.remove();
            stale.scope.close();
        }
        HttpServletRequest http = (HttpServletRequest) request;
        CURRENT.set(new Entry(http, CallContext.bind(clientOptions(http))));
    }

    static void exit(ServletRequest request) {
        Entry entry = CURRENT.get();
        // Identity check: an async request ending on this thread must not drop the entry of the
        // request this thread is serving now.
        if (entry != null && entry.request == request) {
            CURRENT.remove();
            entry.scope.close();
        }
    }

    /** The browser's agent and preferred language, forwarded on LoginRocket calls made for it. */
    static CallOptions clientOptions(HttpServletRequest request) {
        return CallOptions.builder()
                .endUserAgent(request.getHeader("User-Agent"))
                .locale(preferredLocale(request.getHeader("Accept-Language")))
                .build();
    }

    /**
     * The first usable language of an {@code Accept-Language} list, by weight; {@code null} for none.
     * Not {@code ServletRequest.getLocale()}: that answers the server's default when the header is
     * absent, which would override the client's configured {@code loginrocket.locale}.
     */
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
            // A malformed header from the client: forward no language rather than fail the request.
        }
        return null;
    }

    private static final class Entry {
        final HttpServletRequest request;
        final CallContext.Scope scope;

        Entry(HttpServletRequest request, CallContext.Scope scope) {
            this.request = request;
            this.scope = scope;
        }
    }
}
