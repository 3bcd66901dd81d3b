package io.github.lrjakarta.benchmarks.cors;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Components;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Session;
import org.eclipse.jetty.server.TunnelSupport;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty 12 core {@code Request}/{@code Response} for benchmarking {@code CrossOriginHandler} on
 * its own API, without a connector or HTTP parsing. Headers are Jetty's real {@link HttpFields}:
 * an immutable set built once for the request, a {@link HttpFields.Mutable} cleared before each
 * invocation for the response (in the baseline too). Everything else throws, so the handler
 * cannot silently take a path the fake does not model.
 */
final class JettyFakes {

    private JettyFakes() {}

    static final class Request implements org.eclipse.jetty.server.Request {
        private final String method;
        private final HttpFields headers;

        Request(String method, String... headerPairs) {
            this.method = method;
            HttpFields.Mutable fields = HttpFields.build();
            for (int i = 0; i < headerPairs.length; i += 2) {
                fields.add(headerPairs[i], headerPairs[i + 1]);
            }
            this.headers = fields.asImmutable();
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getId() {
            throw unsupported();
        }

        @Override
        public Components getComponents() {
            throw unsupported();
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            throw unsupported();
        }

        @Override
        public HttpURI getHttpURI() {
            throw unsupported();
        }

        @Override
        public Context getContext() {
            throw unsupported();
        }

        @Override
        public void demand(Runnable demandCallback) {
            throw unsupported();
        }

        @Override
        public void fail(Throwable failure) {
            throw unsupported();
        }

        @Override
        public HttpFields getTrailers() {
            throw unsupported();
        }

        @Override
        public long getBeginNanoTime() {
            throw unsupported();
        }

        @Override
        public long getHeadersNanoTime() {
            throw unsupported();
        }

        @Override
        public Content.Chunk read() {
            throw unsupported();
        }

        @Override
        public boolean consumeAvailable() {
            throw unsupported();
        }

        @Override
        public void addIdleTimeoutListener(Predicate<TimeoutException> onIdleTimeout) {
            throw unsupported();
        }

        @Override
        public void addFailureListener(Consumer<Throwable> onFailure) {
            throw unsupported();
        }

        @Override
        public TunnelSupport getTunnelSupport() {
            throw unsupported();
        }

        @Override
        public void addHttpStreamWrapper(Function<HttpStream, HttpStream> wrapper) {
            throw unsupported();
        }

        @Override
        public Session getSession(boolean create) {
            throw unsupported();
        }

        @Override
        public Object removeAttribute(String name) {
            throw unsupported();
        }

        @Override
        public Object setAttribute(String name, Object attribute) {
            throw unsupported();
        }

        @Override
        public Object getAttribute(String name) {
            throw unsupported();
        }

        @Override
        public Set<String> getAttributeNameSet() {
            throw unsupported();
        }
    }

    static final class Response implements org.eclipse.jetty.server.Response {
        private final org.eclipse.jetty.server.Request request;
        private final HttpFields.Mutable headers = HttpFields.build();
        private int status = 200;

        Response(org.eclipse.jetty.server.Request request) {
            this.request = request;
        }

        void clear() {
            headers.clear();
            status = 200;
        }

        int digest() {
            return status * 31 + headers.size();
        }

        @Override
        public org.eclipse.jetty.server.Request getRequest() {
            return request;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setStatus(int code) {
            status = code;
        }

        @Override
        public HttpFields.Mutable getHeaders() {
            return headers;
        }

        @Override
        public Supplier<HttpFields> getTrailersSupplier() {
            throw unsupported();
        }

        @Override
        public void setTrailersSupplier(Supplier<HttpFields> trailers) {
            throw unsupported();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public boolean hasLastWrite() {
            throw unsupported();
        }

        @Override
        public boolean isCompletedSuccessfully() {
            throw unsupported();
        }

        @Override
        public void reset() {
            throw unsupported();
        }

        @Override
        public CompletableFuture<Void> writeInterim(int status, HttpFields headers) {
            throw unsupported();
        }

        @Override
        public void write(boolean last, ByteBuffer byteBuffer, Callback callback) {
            throw unsupported();
        }
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not modelled by the benchmark fake");
    }
}
