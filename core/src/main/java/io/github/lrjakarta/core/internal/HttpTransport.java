package io.github.lrjakarta.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One Apache HttpClient 5 (classic API) and the single exchange it performs per attempt: the one
 * HTTP stack of the library, for API calls, readiness probes and key-set fetches alike.
 *
 * <p>Configured for an API client that many threads share on behalf of many users: no cookie
 * store (cookies of one user must never travel with another's call), no connection state, no
 * automatic retries or redirects (the caller decides both), TLS 1.3/1.2 only, the JVM's proxy
 * settings ({@code ProxySelector.getDefault()}: {@code -Dhttps.proxyHost}, {@code
 * -Dhttp.nonProxyHosts}). Response bodies are read through a bound: a body over the limit is not
 * read further and its connection is discarded rather than drained. Thread-safe.
 */
public final class HttpTransport implements Closeable {

    /** Pooled connections idle longer than this are checked before reuse (a server may have closed them). */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

    /** Idle pooled connections are closed after this, below common server keep-alive limits. */
    private static final TimeValue MAX_IDLE = TimeValue.ofSeconds(30);

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final RequestConfig requestConfig;
    private final int maxResponseBytes;
    private final long bodyDeadlineNanos;
    private volatile boolean closed;

    /** The pooled transport of a client, with its settings; close it with the client. */
    public HttpTransport(ClientSettings s) {
        this(s.sslContext(), s.connectTimeout(), s.responseTimeout(), s.connectionRequestTimeout(), s.maxConnections(),
                s.maxResponseBytes(), s.httpCustomizer(), true);
    }

    /**
     * The transport of a token verifier that fetches its key set on its own: every exchange opens a
     * connection and closes it after the response, and no background thread runs, so there is
     * nothing to close and a verifier that is simply dropped leaks nothing. Key-set fetches are
     * rare (at most one per refetch interval), so a kept-alive connection would only idle.
     *
     * <p>Its exchanges are {@link #getWithin} calls, which name their own body limit.
     *
     * @param sslContext the TLS context, or null for the JDK default
     * @param timeout the connect, handshake and response timeout
     * @param customizer applied to the HttpClient 5 builder last, or null
     */
    public static HttpTransport unpooled(SSLContext sslContext, Duration timeout, Consumer<HttpClientBuilder> customizer) {
        return new HttpTransport(sslContext, timeout, timeout, timeout, 1, 0, customizer, false);
    }

    private HttpTransport(SSLContext sslContext, Duration connectTimeout, Duration responseTimeout,
            Duration connectionRequestTimeout, int maxConnections, int maxResponseBytes,
            Consumer<HttpClientBuilder> customizer, boolean keepAlive) {
        SSLContext ssl = sslContext != null ? sslContext : defaultSslContext();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(ssl)
                        .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                        .buildClassic())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setSupportedProtocols(TLS.V_1_3, TLS.V_1_2)
                        .setHandshakeTimeout(timeout(connectTimeout))
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(connectTimeout))
                        .setSocketTimeout(timeout(responseTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout(connectionRequestTimeout))
                .setResponseTimeout(timeout(responseTimeout))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requestConfig)
                // no selector of its own: ProxySelector.getDefault() at each request, as java.net.URL does
                .setRoutePlanner(new SystemDefaultRoutePlanner((ProxySelector) null))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState();
        if (keepAlive) {
            builder.evictExpiredConnections().evictIdleConnections(MAX_IDLE);
        } else {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        if (customizer != null) {
            customizer.accept(builder);
        }
        this.http = builder.build();
        this.maxResponseBytes = maxResponseBytes;
        this.bodyDeadlineNanos = responseTimeout.toNanos();
    }

    /**
     * Performs one exchange.
     *
     * @param method the HTTP method
     * @param uri the full request URI
     * @param headers the request headers
     * @param body the request body, or null
     * @return the response, its body read up to the limit
     * @throws IOException on any transport failure; a {@link PartialResponseException} if the
     *     status line arrived but reading the body failed
     */
    public RawResponse exchange(String method, URI uri, List<Header> headers, JsonCodec.Body body) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body.bytes(), ContentType.create(body.contentType())));
        }
        return exchange(request, maxResponseBytes, System.nanoTime() + bodyDeadlineNanos);
    }

    /**
     * Performs one GET bounded by {@code timeout}: it bounds the connect, the TLS handshake and the
     * wait for the headers each, and reading the body stops once {@code timeout} has passed since
     * the request started, so a server that trickles its answer cannot hold the calling thread for
     * long. (No timer aborts the exchange: that would need a thread, which a transport without
     * {@link #close()} must not start.)
     *
     * @param maxBytes the largest body read
     * @return the response, its body read up to {@code maxBytes}
     * @throws IOException on any transport failure, a timeout being an {@link
     *     java.io.InterruptedIOException} (possibly as the cause of a {@link
     *     PartialResponseException}), or if this transport is closed
     */
    public RawResponse getWithin(URI uri, List<Header> headers, int maxBytes, Duration timeout) throws IOException {
        if (closed) {
            throw new IOException("the LoginRocketClient whose connections fetch the key set is closed");
        }
        HttpUriRequestBase request = new HttpUriRequestBase("GET", uri);
        headers.forEach(request::addHeader);
        request.setConfig(RequestConfig.copy(requestConfig).setResponseTimeout(timeout(timeout)).build());
        try {
            return exchange(request, maxBytes, System.nanoTime() + timeout.toNanos());
        } catch (IllegalStateException e) {
            // how HttpClient 5 reports a pool closed while the request was on its way
            throw new IOException("the LoginRocketClient whose connections fetch the key set is closed", e);
        }
    }

    private RawResponse exchange(HttpUriRequestBase request, int maxBytes, long bodyDeadline) throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, request, HttpClientContext.create());
        try {
            int status = response.getCode();
            String requestId = header(response, "X-Request-ID");
            HttpEntity entity = response.getEntity();
            byte[] bytes = new byte[0];
            boolean oversized = false;
            if (entity != null) {
                try {
                    bytes = entity.getContentLength() > maxBytes
                            ? null
                            : readAtMost(entity.getContent(), maxBytes + 1L, bodyDeadline);
                } catch (IOException e) {
                    request.cancel();
                    throw new PartialResponseException(status, requestId, e);
                }
                if (bytes == null || bytes.length > maxBytes) {
                    // drop the connection: draining an oversized body would read it all after all
                    request.cancel();
                    bytes = new byte[0];
                    oversized = true;
                }
            }
            return new RawResponse(
                    status,
                    header(response, "Content-Type"),
                    requestId,
                    header(response, "Retry-After"),
                    header(response, "Ratelimit-Reset"),
                    bytes,
                    oversized);
        } finally {
            closeQuietly(response);
        }
    }

    /** Closes the pool and every connection at once; calls in flight fail with a transport error. */
    @Override
    public void close() {
        closed = true;
        http.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }

    /**
     * Reads until EOF or {@code limit} bytes; a fully read body releases its connection to the pool.
     * The socket timeout only bounds silence, so a body trickling in a few bytes at a time would
     * hold the calling thread for as long as the server likes: reading also stops at {@code
     * deadline} (responseTimeout after the headers arrived; the read in progress then may block
     * one more socket timeout at most).
     */
    private static byte[] readAtMost(InputStream in, long limit, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buf = new byte[8192];
        long total = 0;
        while (total < limit) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            total += n;
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("response body not complete within responseTimeout");
            }
        }
        return out.toByteArray();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection was cancelled or already broken; nothing left to release
        }
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no default SSLContext; pass one with sslContext(...)", e);
        }
    }

    /** The status line (and so the request id) arrived, but the body could not be read. */
    public static final class PartialResponseException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String requestId;

        PartialResponseException(int status, String requestId, IOException cause) {
            super(cause.getClass().getSimpleName() + " while reading the response body", cause);
            this.status = status;
            this.requestId = requestId;
        }

        /** The status of the response whose body failed. */
        public int status() {
            return status;
        }

        /** Its {@code X-Request-ID}, or null. */
        public String requestId() {
            return requestId;
        }
    }
}
