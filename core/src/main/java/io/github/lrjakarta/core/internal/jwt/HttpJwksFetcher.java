package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.internal.HttpTransport;
import io.github.lrjakarta.core.internal.RawResponse;
import io.github.lrjakarta.core.internal.UserAgents;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Fetches {@code /connect/jwks} through the library's HttpClient 5 stack ({@link HttpTransport}):
 * a client's, shared, or a verifier's own, which opens one connection per fetch.
 *
 * <p>{@code keyFetchTimeout} bounds the connect, the TLS handshake and the wait for the headers,
 * and reading stops once it has passed since the request started (a slowly trickling body cannot
 * hold a verifying thread for long; see {@link HttpTransport#getWithin}). TLS 1.2 or 1.3 only, host name verification on,
 * no redirects (a 3xx is a failure), the body bounded, {@code Accept: application/json}, a
 * response that says it is something other than JSON refused. The https-only rule is enforced
 * where the URI is configured. Thread-safe.
 */
public final class HttpJwksFetcher implements JwksFetcher {

    private static final List<Header> HEADERS = List.of(
            new BasicHeader("Accept", "application/json"),
            new BasicHeader("User-Agent", UserAgents.libraryAgent("(jwks)")));

    private final URI uri;
    private final HttpTransport transport;
    private final Duration timeout;
    private final int maxBytes;

    /**
     * @param uri the key set's URI
     * @param transport the HTTP stack to fetch through
     * @param timeout the deadline of one fetch
     * @param maxBytes the largest key set accepted
     */
    public HttpJwksFetcher(URI uri, HttpTransport transport, Duration timeout, int maxBytes) {
        this.uri = uri;
        this.transport = transport;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public byte[] fetch() throws IOException {
        RawResponse response;
        try {
            response = transport.getWithin(uri, HEADERS, maxBytes, timeout);
        } catch (IOException e) {
            Throwable cause = e instanceof HttpTransport.PartialResponseException ? e.getCause() : e;
            if (cause instanceof InterruptedIOException) {
                // SocketTimeoutException and HttpClient 5's ConnectTimeoutException alike
                throw new IOException("no complete response within " + timeout.toMillis() + " ms (keyFetchTimeout)", e);
            }
            throw new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        if (response.status() != 200) {
            throw new IOException("HTTP status " + response.status() + " (expected 200)");
        }
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("json")) {
            throw new IOException("unexpected Content-Type " + SafeText.quote(type) + " (expected application/json)");
        }
        if (response.oversized()) {
            throw new IOException("key set larger than " + maxBytes + " bytes");
        }
        return response.body();
    }
}
