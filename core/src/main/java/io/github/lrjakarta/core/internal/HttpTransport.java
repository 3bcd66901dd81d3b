package io.github.lrjakarta.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
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
 * One pooled Apache HttpClient 5 (classic API) and the single exchange it performs per attempt.
 *
 * <p>Configured for an API client that many threads share on behalf of many users: no cookie
 * store (cookies of one user must never travel with another's call), no connection state, no
 * automatic retries or redirects (the caller decides both), TLS 1.3/1.2 only. Response bodies
 * are read through a bound: a body over the limit is not read further and its connection is
 * discarded rather than drained. Thread-safe.
 */
public final class HttpTransport implements Closeable {

    /** Pooled connections idle longer than this are checked before reuse (a server may have closed them). */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

    /** Idle pooled connections are closed after this, below common server keep-alive limits. */
    private static final TimeValue MAX_IDLE = TimeValue.ofSeconds(30);

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final int maxResponseBytes;
    private final long bodyDeadlineNanos;

    public HttpTransport(ClientSettings s) {
        SSLContext ssl = s.sslContext() != null ? s.sslContext() : defaultSslContext();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(ssl)
                        .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                        .buildClassic())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setSupportedProtocols(TLS.V_1_3, TLS.V_1_2)
                        .setHandshakeTimeout(timeout(s.connectTimeout()))
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(s.connectTimeout()))
                        .setSocketTimeout(timeout(s.responseTimeout()))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout(s.connectionRequestTimeout()))
                        .setResponseTimeout(timeout(s.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictExpiredConnections()
                .evictIdleConnections(MAX_IDLE);
        if (s.httpCustomizer() != null) {
            s.httpCustomizer().accept(builder);
        }
        this.http = builder.build();
        this.maxResponseBytes = s.maxResponseBytes();
        this.bodyDeadlineNanos = s.responseTimeout().toNanos();
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
        ClassicHttpResponse response = http.executeOpen(null, request, HttpClientContext.create());
        try {
            int status = response.getCode();
            String requestId = header(response, "X-Request-ID");
            HttpEntity entity = response.getEntity();
            byte[] bytes = new byte[0];
            boolean oversized = false;
            if (entity != null) {
                try {
                    bytes = entity.getContentLength() > maxResponseBytes
                            ? null
                            : readAtMost(entity.getContent(), maxResponseBytes + 1L, System.nanoTime() + bodyDeadlineNanos);
                } catch (IOException e) {
                    request.cancel();
                    throw new PartialResponseException(status, requestId, e);
                }
                if (bytes == null || bytes.length > maxResponseBytes) {
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
