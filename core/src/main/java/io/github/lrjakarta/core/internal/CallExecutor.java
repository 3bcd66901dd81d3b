package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.ProtocolException;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.TransportException;
import io.github.lrjakarta.core.event.CallEvent;
import io.github.lrjakarta.core.RetryPolicy;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Runs one API call: headers, encoding, the exchange, the mapping, and the retry loop.
 *
 * <p>Log lines (logger {@code io.github.lrjakarta.core.LoginRocketClient}) carry the method, the
 * path without its query (the query holds the session id), the status, the request id and the
 * duration; never a session id, token, password or body. Thread-safe.
 */
public final class CallExecutor implements Closeable {

    private static final System.Logger LOG = System.getLogger("io.github.lrjakarta.core.LoginRocketClient");

    private final ClientSettings settings;
    private final HttpTransport transport;
    private final JsonCodec json;
    private final ResponseMapper mapper;
    private final TransportFailures failures;
    private final String libraryAgent;
    private final RateLimitGuard guard;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param settings the client's settings
     * @param guard the rate-limit guard every attempt passes
     */
    public CallExecutor(ClientSettings settings, RateLimitGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.json = new JsonCodec();
        this.transport = new HttpTransport(settings);
        this.mapper = new ResponseMapper(json, settings.url().root().toString(), settings.maxResponseBytes());
        this.failures = new TransportFailures(settings);
        this.libraryAgent = UserAgents.libraryAgent(settings.appPart());
    }

    /** The HTTP stack the calls go through. */
    public HttpTransport transport() {
        return transport;
    }

    /** The library agent string this client sends ({@code loginrocket-jakarta/<version> [app part]}). */
    public String libraryAgent() {
        return libraryAgent;
    }

    /**
     * Executes a call.
     *
     * @param call the call
     * @param options the effective per-call options (explicit merged over thread-bound)
     * @return the success
     * @throws LoginRocketException the last failure, earlier ones attached as suppressed; a {@link
     *     io.github.lrjakarta.core.RateLimitedException} refused locally when the guard holds back
     * @throws IllegalArgumentException if the fields cannot be encoded with the client's encoding
     */
    public LoginResult execute(ApiCall call, CallOptions options) {
        Listeners listener = settings.listener();
        if (listener == null) {
            return attempts(call, options, null);
        }
        long start = System.nanoTime();
        int[] attempts = new int[1];
        String name = call.method() + " /v2/" + call.path();
        try {
            LoginResult s = attempts(call, options, attempts);
            listener.callCompleted(new CallEvent(name, CallEvent.Outcome.SUCCESS, s.status(), attempts[0],
                    Duration.ofNanos(System.nanoTime() - start), s.requestId()));
            return s;
        } catch (LoginRocketException e) {
            listener.callCompleted(new CallEvent(name, outcomeOf(e), e.status(), attempts[0],
                    Duration.ofNanos(System.nanoTime() - start), e.requestId()));
            throw e;
        }
    }

    private static CallEvent.Outcome outcomeOf(LoginRocketException e) {
        if (e instanceof RateLimitedException) {
            return CallEvent.Outcome.RATE_LIMITED;
        }
        if (e instanceof TransportException) {
            return CallEvent.Outcome.TRANSPORT_ERROR;
        }
        if (e instanceof ProtocolException) {
            return CallEvent.Outcome.PROTOCOL_ERROR;
        }
        return e.status() >= 500 ? CallEvent.Outcome.SERVER_ERROR : CallEvent.Outcome.CLIENT_ERROR;
    }

    /** The attempt loop; counts attempts into {@code attemptCount[0]} when given. */
    private LoginResult attempts(ApiCall call, CallOptions options, int[] attemptCount) {
        URI uri = uri(call);
        String path = uri.getRawPath();
        JsonCodec.Body body = call.fields() == null ? null : json.encode(call.fields(), settings.bodyEncoding());
        List<Header> headers = headers(options);
        RetryPolicy policy = options.retryPolicy().orElse(settings.retryPolicy());
        List<LoginRocketException> earlier = new ArrayList<>();
        RateLimitGuard.Permit permit = null;
        for (int attempt = 1; ; attempt++) {
            try {
                permit = guard.admit(permit, call.method() + " " + path);
            } catch (LoginRocketException refused) {
                earlier.forEach(refused::addSuppressed);
                throw refused;
            }
            if (attemptCount != null) {
                attemptCount[0] = attempt;
            }
            ResponseMapper.Exchange ex = new ResponseMapper.Exchange(call.method(), path, attempt);
            final int n = attempt;
            LOG.log(Level.TRACE, () -> "-> " + call.method() + " " + path + " (attempt " + n + ", body "
                    + (body == null ? "none" : body.bytes().length + " bytes " + body.contentType()) + ")");
            long start = System.nanoTime();
            LoginRocketException failure;
            boolean retryable;
            Optional<Duration> requestedWait = Optional.empty();
            try {
                RawResponse r = transport.exchange(call.method(), uri, headers, body);
                LOG.log(Level.DEBUG, () -> call.method() + " " + path + " -> " + r.status() + " ("
                        + ResponseMapper.requestRef(r.requestId()) + ") in " + millisSince(start) + " ms");
                try {
                    LoginResult success = mapper.map(ex, r, clock.instant());
                    permit.answered();
                    return success;
                } catch (LoginRocketException e) {
                    failure = e;
                    retryable = r.status() == 503 || r.status() == 429;
                    requestedWait = ResponseMapper.requestedWait(r, clock.instant());
                    if (r.status() == 429 || r.status() == 503 && requestedWait.isPresent()) {
                        // a retry waits what the guard enforces, so that it is the probe and not refused
                        requestedWait = Optional.of(permit.rateLimited(requestedWait.orElse(null), r.requestId()));
                    } else if (r.status() >= 500) {
                        permit.released();
                    } else {
                        permit.answered();
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> call.method() + " " + path + " failed after " + millisSince(start) + " ms: "
                        + e.getClass().getSimpleName());
                TransportFailures.Failure f = failures.classify(ex, e);
                failure = f.exception();
                retryable = f.retryable();
            } finally {
                permit.released(); // no effect once an outcome was reported; frees the probe after anything else
            }
            Duration delay = retryDelay(call, path, policy, attempt, retryable, requestedWait, failure);
            if (delay == null) {
                earlier.forEach(failure::addSuppressed);
                throw failure;
            }
            earlier.add(failure);
            String cause = failure.getClass().getSimpleName() + (failure.status() == 0 ? "" : " " + failure.status());
            LOG.log(Level.DEBUG, () -> "retrying " + call.method() + " " + path + " in " + delay.toMillis()
                    + " ms (attempt " + (n + 1) + " of " + policy.maxAttempts() + ") after " + cause);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                earlier.remove(failure);
                earlier.forEach(failure::addSuppressed);
                throw failure;
            }
        }
    }

    /**
     * One {@code GET /connect/jwks} for a readiness check: no retries, not reported as an API call.
     * While the rate-limit guard holds back, no call: null.
     *
     * @throws IOException when there is no answer
     */
    public RawResponse probeKeySet() throws IOException {
        if (guard.backingOff()) {
            return null;
        }
        return transport.exchange("GET", settings.url().jwksUri(), headers(CallOptions.none()), null);
    }

    /** The wait before the next attempt, or null if the failure must be thrown now. */
    private static Duration retryDelay(
            ApiCall call,
            String path,
            RetryPolicy policy,
            int attempt,
            boolean retryable,
            Optional<Duration> requestedWait,
            LoginRocketException failure) {
        if (!retryable || attempt >= policy.maxAttempts() || !(call.idempotent() || policy.retryNonIdempotent())) {
            return null;
        }
        if (requestedWait.isPresent()) {
            Duration wait = requestedWait.get();
            if (wait.compareTo(policy.maxWait()) > 0) {
                LOG.log(Level.DEBUG, () -> "not retrying " + call.method() + " " + path + ": LoginRocket asks"
                        + " to wait " + wait.toMillis() + " ms, more than maxWait " + policy.maxWait().toMillis()
                        + " ms (" + ResponseMapper.requestRef(failure.requestId()) + ")");
                return null;
            }
            return wait;
        }
        long full = Math.min(policy.maxWait().toMillis(), policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    private URI uri(ApiCall call) {
        StringBuilder sb = new StringBuilder(settings.url().apiBase().toString()).append(call.path());
        char sep = '?';
        for (Map.Entry<String, String> q : call.query().entrySet()) {
            sb.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private List<Header> headers(CallOptions options) {
        List<Header> h = new ArrayList<>(5);
        h.add(new BasicHeader("Accept", "application/json"));
        Locale locale = options.locale().orElse(settings.locale());
        if (locale != null && !locale.toLanguageTag().equals("und")) {
            h.add(new BasicHeader("Accept-Language", locale.toLanguageTag()));
        }
        h.add(new BasicHeader("User-Agent", options.endUserAgent().orElse(libraryAgent)));
        h.add(new BasicHeader(UserAgents.LR_AGENT_HEADER, libraryAgent));
        return List.copyOf(h);
    }

    /** Query-component encoding: form encoding with {@code %20} for spaces. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        transport.close();
    }
}
