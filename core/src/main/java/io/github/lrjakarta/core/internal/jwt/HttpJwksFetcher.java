package io.github.lrjakarta.core.internal.jwt;

import io.github.lrjakarta.core.internal.UserAgents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Fetches {@code /connect/jwks} with {@code java.net.http}: a key set fetch is one rare GET, and
 * this client lets a single deadline cover connect, headers and body (a slowly trickling body
 * cannot hold a verifying thread past {@code timeout}), needs no pool to close, and keeps the token
 * verifier independent of the API client's HTTP stack.
 *
 * <p>TLS 1.2 or 1.3 only, host name verification on (the JDK client's default), no redirects, the
 * body bounded, {@code Accept: application/json}. The https-only rule is enforced where the URI is
 * configured.
 */
public final class HttpJwksFetcher implements JwksFetcher {

    private static final String USER_AGENT = UserAgents.libraryAgent("(jwks)");

    private final URI uri;
    private final Duration timeout;
    private final SSLContext sslContext;
    private final int maxBytes;
    private volatile HttpClient client;

    public HttpJwksFetcher(URI uri, Duration timeout, SSLContext sslContext, int maxBytes) {
        this.uri = uri;
        this.timeout = timeout;
        this.sslContext = sslContext;
        this.maxBytes = maxBytes;
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public byte[] fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client()
                .sendAsync(request, info -> info.statusCode() == 200
                        ? new LimitedBody(maxBytes)
                        : BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the key set");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut();
            }
            throw new IOException(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode() + " (expected 200)");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("json")) {
            throw new IOException("unexpected Content-Type " + SafeText.quote(type) + " (expected application/json)");
        }
        return response.body();
    }

    private IOException timedOut() {
        return new IOException("no complete response within " + timeout.toMillis() + " ms (keyFetchTimeout)");
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = client = newClient();
                }
            }
        }
        return c;
    }

    private HttpClient newClient() {
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .sslParameters(tls);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        // honours -Dhttps.proxyHost and friends, as java.net.URL does
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            b.proxy(proxies);
        }
        return b.build();
    }

    /** Collects the body, failing as soon as it grows past the bound. */
    private static final class LimitedBody implements BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("key set larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
