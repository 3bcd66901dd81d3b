package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns I/O failures into {@link TransportException}s that say what happened and what to do, and
 * decides which of them are worth repeating.
 *
 * <p>The cause's own message is not copied into ours (it is chained): our text names only the
 * configured realm URL, the method and the path, never a query string.
 */
public final class TransportFailures {

    private final String url;
    private final ClientSettings settings;

    /**
     * @param settings the client settings, for the timeouts and pool size named in messages
     */
    public TransportFailures(ClientSettings settings) {
        this.settings = settings;
        this.url = settings.url().root().toString();
    }

    /** A classified transport failure. */
    public record Failure(TransportException exception, boolean retryable) {}

    /**
     * Classifies a failure of one exchange.
     *
     * @param ex the exchange
     * @param e the failure
     */
    public Failure classify(ResponseMapper.Exchange ex, IOException e) {
        String call = ex.describe();
        int status = 0;
        String requestId = null;
        String text;
        boolean retryable = true;
        if (e instanceof HttpTransport.PartialResponseException p) {
            status = p.status();
            requestId = p.requestId();
            text = p.getCause() instanceof SocketTimeoutException
                    ? "LoginRocket at " + url + " did not finish sending its answer to " + call + " (status " + status
                            + ", " + ResponseMapper.requestRef(requestId) + ") within responseTimeout ("
                            + ResponseMapper.human(settings.responseTimeout()) + "). It may be slow or overloaded: try"
                            + " again later, or raise responseTimeout."
                    : "The connection broke while reading LoginRocket's answer to " + call + " (status " + status + ", "
                            + ResponseMapper.requestRef(requestId) + "). Try again later.";
        } else if (e instanceof ConnectionRequestTimeoutException) {
            retryable = false;
            text = "No pooled connection to LoginRocket became free within connectionRequestTimeout ("
                    + ResponseMapper.human(settings.connectionRequestTimeout()) + ") for " + call + ": all "
                    + settings.maxConnections() + " connections (maxConnections) are busy. Raise maxConnections or"
                    + " make fewer concurrent calls.";
        } else if (e instanceof ConnectTimeoutException) {
            text = "Connecting to LoginRocket at " + url + " for " + call + " timed out after connectTimeout ("
                    + ResponseMapper.human(settings.connectTimeout()) + "). Check loginrocket.url and the network;"
                    + " try again later.";
        } else if (e instanceof SocketTimeoutException) {
            text = "LoginRocket at " + url + " did not answer " + call + " within responseTimeout ("
                    + ResponseMapper.human(settings.responseTimeout()) + "). It may be slow or overloaded: try again"
                    + " later, or raise responseTimeout.";
        } else if (e instanceof ConnectException) {
            text = "Could not connect to LoginRocket at " + url + " for " + call + " (connection refused). Check"
                    + " loginrocket.url and that the host is reachable; try again later.";
        } else if (e instanceof UnknownHostException) {
            retryable = false;
            text = "Cannot resolve the LoginRocket host of " + url + " for " + call + ". Check loginrocket.url and"
                    + " DNS.";
        } else if (e instanceof SSLException) {
            retryable = false;
            text = "The TLS handshake with LoginRocket at " + url + " failed for " + call + " ("
                    + e.getClass().getSimpleName() + "). Check that the server's certificate is trusted by the"
                    + " client's sslContext and that the server speaks TLS 1.2 or 1.3; the client never falls back"
                    + " to plain http.";
        } else if (e instanceof NoHttpResponseException) {
            text = "LoginRocket at " + url + " closed the connection without answering " + call + ". Try again later.";
        } else {
            text = "Talking to LoginRocket at " + url + " for " + call + " failed (" + e.getClass().getSimpleName()
                    + "). Check the network and try again later.";
        }
        return new Failure(new TransportException(text, status, requestId, List.of(), e), retryable);
    }
}
