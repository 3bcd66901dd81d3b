package io.github.lrjakarta.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange as the emulator sees it: the parsed request (path, query, lower-case headers,
 * body, negotiated locale, request id) and the single response it gets. Not thread-safe; one per
 * request.
 */
public final class Call {

    /** Content type of every JSON answer. */
    public static final String JSON = "application/json; charset=utf-8";

    private final HttpExchange exchange;
    private final String requestId;
    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Locale locale;
    private BodyFault bodyFault = BodyFault.NONE;
    private Duration trickleInterval;
    private HeldResponses held;
    private String contentTypeOverride;
    private boolean responded;
    private Map<String, String> deferredHeaders = Map.of();

    Call(HttpExchange exchange, String requestId, byte[] body) {
        this.exchange = exchange;
        this.requestId = requestId;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.path = exchange.getRequestURI().getPath() == null ? "/" : exchange.getRequestURI().getPath();
        this.query = parseForm(exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> h = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                h.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        this.headers = h;
        this.body = body;
        this.locale = Messages.negotiate(header("accept-language").orElse(null));
    }

    /** Parses {@code a=1&b=2} (query strings and form bodies), decoding UTF-8; keeps order. */
    public static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformedEscape) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return out;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public Locale locale() {
        return locale;
    }

    /** The first value of a header; {@code name} in lower case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The client a session records: {@code User-Agent}, else the browser client's {@code LR-Agent}. */
    public String client() {
        return header("user-agent").or(() -> header("lr-agent")).orElse(null);
    }

    /** The media type of the body without parameters, lower case; empty when absent. */
    public String contentType() {
        String ct = header("content-type").orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** Adds a response header (before the response is sent). */
    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    public void addHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    /** Headers to set just before the response goes out, over any set earlier (fault headers). */
    void deferHeaders(Map<String, String> headers) {
        this.deferredHeaders = headers;
    }

    /** How a fault makes the body go out wrong. */
    private enum BodyFault {
        NONE,
        /** {@code Content-Length} of the whole body, half of it sent, connection closed. */
        TRUNCATE,
        /** Chunked, half of the body sent, connection dropped before the last chunk. */
        DROP_MID_BODY,
        /** One byte per interval. */
        TRICKLE
    }

    /** Makes the response send only half of its body, then drop the connection (a fault). */
    void truncateResponse() {
        this.bodyFault = BodyFault.TRUNCATE;
    }

    /** Makes the response send half of its body chunked, then drop the connection (a fault). */
    void dropMidBody() {
        this.bodyFault = BodyFault.DROP_MID_BODY;
    }

    /** Makes the response send its body one byte per {@code interval} (a fault). */
    void trickle(Duration interval, HeldResponses held) {
        this.bodyFault = BodyFault.TRICKLE;
        this.trickleInterval = interval;
        this.held = held;
    }

    /** Makes the response go out under this content type, whatever it is (a fault). */
    void overrideContentType(String contentType) {
        this.contentTypeOverride = contentType;
    }

    /** Leaves the request unanswered until {@code held} releases it (a fault). */
    void hold(HeldResponses held) {
        responded = true;
        held.hold(exchange);
    }

    public boolean responded() {
        return responded;
    }

    /** Answers with a localized LoginRocket error body. */
    public void error(ApiError error) {
        error.headers().forEach(this::setHeader);
        List<String> texts = error.messages().stream().map(m -> Messages.get(locale, m.key(), m.args())).toList();
        jakarta.json.JsonArrayBuilder errors = jakarta.json.Json.createArrayBuilder();
        texts.forEach(errors::add);
        JsonObject body = jakarta.json.Json.createObjectBuilder()
                .add("result", "error").add("error", String.join(" ", texts)).add("errors", errors).build();
        json(error.status(), body);
    }

    /** Answers JSON. */
    public void json(int status, JsonObject body) {
        send(status, JSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers HTML. */
    public void html(int status, String page) {
        send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A 303 redirect. */
    public void redirect(String location) {
        setHeader("Location", location);
        send(303, null, new byte[0]);
    }

    /** A bodiless answer (204, preflights). */
    public void empty(int status) {
        send(status, null, new byte[0]);
    }

    /**
     * Sends the response; a body fault set before changes how the body goes out.
     *
     * @throws ConnectionAbort after half the body with {@link #dropMidBody()}: the server must drop
     *                         the connection, which only an exception out of the handler makes it do
     */
    public void send(int status, String contentType, byte[] bytes) {
        if (responded) {
            throw new IllegalStateException("response already sent");
        }
        responded = true;
        if (contentTypeOverride != null) {
            setHeader("Content-Type", contentTypeOverride);
        } else if (contentType != null) {
            setHeader("Content-Type", contentType);
        }
        deferredHeaders.forEach(this::setHeader);
        try {
            if (bodyFault == BodyFault.TRICKLE) {
                held.trickle(exchange, status, bytes, trickleInterval);
                return;
            }
            if (status == 204 || status == 304 || bytes.length == 0) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            switch (bodyFault) {
                case TRUNCATE -> {
                    exchange.sendResponseHeaders(status, bytes.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    // Closing a fixed-length stream early makes the JDK server drop the connection.
                    exchange.close();
                }
                case DROP_MID_BODY -> {
                    exchange.sendResponseHeaders(status, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    throw new ConnectionAbort();
                }
                default -> {
                    exchange.sendResponseHeaders(status, bytes.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(bytes);
                    out.close();
                }
            }
        } catch (IOException clientGoneOrTruncated) {
            exchange.close();
        }
    }

    /**
     * Streams a JSON object of exactly {@code size} bytes ({@code {"padding":"xx…x"}}) without
     * holding it in memory (the oversized-body fault).
     */
    void sendPadded(int status, long size) {
        responded = true;
        setHeader("Content-Type", JSON);
        deferredHeaders.forEach(this::setHeader);
        byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] padding = new byte[64 * 1024];
        Arrays.fill(padding, (byte) 'x');
        try {
            exchange.sendResponseHeaders(status, size);
            OutputStream out = exchange.getResponseBody();
            out.write(head);
            long left = size - head.length - tail.length;
            while (left > 0) {
                int n = (int) Math.min(left, padding.length);
                out.write(padding, 0, n);
                left -= n;
            }
            out.write(tail);
            out.close();
        } catch (IOException clientGaveUp) {
            exchange.close();
        }
    }

    /** Thrown out of the handler so that the JDK server closes the connection mid-response. */
    static final class ConnectionAbort extends RuntimeException {
        ConnectionAbort() {
            super("fault: connection dropped mid-body", null, false, false);
        }
    }

    /** Closes the connection without any answer (a fault). */
    void drop() {
        responded = true;
        exchange.close();
    }
}
