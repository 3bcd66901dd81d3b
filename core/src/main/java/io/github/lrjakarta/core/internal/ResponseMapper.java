package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.AccessDeniedException;
import io.github.lrjakarta.core.ClientErrorException;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketException;
import io.github.lrjakarta.core.NotFoundException;
import io.github.lrjakarta.core.ProtocolException;
import io.github.lrjakarta.core.RateLimitedException;
import io.github.lrjakarta.core.ServerException;
import io.github.lrjakarta.core.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link RawResponse} into a success or the matching {@link LoginRocketException}.
 *
 * <p>The status decides first; the body is parsed only afterwards. For 2xx and for 409/422 the
 * body is the payload, so it must be the JSON the API promises, else a {@link ProtocolException}.
 * For the other error statuses the body format is not documented (a proxy may answer a 502 with
 * HTML), so the status alone picks the exception and messages are taken from the body only if it
 * happens to be LoginRocket's error JSON. Thread-safe.
 */
public final class ResponseMapper {

    /** The status LoginRocket's SDKs read as "metadata only, no data". */
    static final int STATUS_METADATA_ONLY = 215;

    /**
     * Which exchange a response belongs to, for messages.
     *
     * @param method the HTTP method
     * @param path the URL path without query
     * @param attempt 1 for the first try
     */
    public record Exchange(String method, String path, int attempt) {
        String describe() {
            return method + " " + path + (attempt > 1 ? " (attempt " + attempt + ")" : "");
        }
    }

    private final JsonCodec json;
    private final String urlForMessages;
    private final int maxResponseBytes;

    /**
     * @param json the codec
     * @param urlForMessages the realm URL as configured, named when it is probably wrong
     * @param maxResponseBytes the body limit, named when a body exceeds it
     */
    public ResponseMapper(JsonCodec json, String urlForMessages, int maxResponseBytes) {
        this.json = json;
        this.urlForMessages = urlForMessages;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Maps a response.
     *
     * @param ex the exchange
     * @param r the response
     * @param now the current time (for HTTP-date wait times)
     * @return the success
     * @throws LoginRocketException for every non-success
     */
    public LoginResult map(Exchange ex, RawResponse r, Instant now) {
        int s = r.status();
        if (s >= 200 && s < 300) {
            return success(ex, r);
        }
        String head = ex.describe() + " with " + s + " (" + requestRef(r.requestId()) + ")";
        if (s == 409 || s == 422) {
            JsonObject body = payload(ex, r);
            List<String> messages = messages(body);
            return throwValidation(head, s, r.requestId(), messages);
        }
        List<String> messages = bestEffortMessages(r);
        String said = messages.isEmpty() ? "" : ": " + String.join(" ", messages);
        if (s == 403) {
            throw new AccessDeniedException("LoginRocket denied " + head + said + ". The session is missing, expired"
                    + " or logged out, or the call is not allowed: treat the user as logged out and let them log in"
                    + " again.", s, r.requestId(), messages, null);
        }
        if (s == 404) {
            throw new NotFoundException("LoginRocket answered " + head + said + ": no such route or record. Check that"
                    + " loginrocket.url (" + urlForMessages + ") is the realm's LoginRocket URL.", s, r.requestId(),
                    messages, null);
        }
        if (s == 429) {
            Optional<WaitTimes.Wait> wait = WaitTimes.parse(r.retryAfter(), r.ratelimitReset(), now);
            String when = wait.map(w -> " It asks to wait " + human(w.duration()) + " (" + w.header() + "): slow"
                            + " down and try again after that.")
                    .orElse(" It named no wait time: back off before trying again.");
            throw new RateLimitedException("LoginRocket rate-limited " + head + said + "." + when, s, r.requestId(),
                    messages, wait.map(WaitTimes.Wait::duration).orElse(null), null);
        }
        if (s >= 500 && s < 600) {
            throw new ServerException("LoginRocket failed " + head + said + ": an error on the server side or a proxy."
                    + " Try again later; if it persists, quote the request id to AuthRocket support.", s,
                    r.requestId(), messages, null);
        }
        if (s >= 400 && s < 500) {
            throw new ClientErrorException("LoginRocket refused " + head + said + ". The request was not acceptable,"
                    + " which points at a client bug or an API change: report it with the request id.", s,
                    r.requestId(), messages, null);
        }
        throw new ProtocolException("LoginRocket answered " + head + ", a status the API never sends (it does not"
                + " redirect). Check that loginrocket.url (" + urlForMessages + ") is the realm's current LoginRocket"
                + " URL and not a web page or an old address.", s, r.requestId(), messages, null);
    }

    /**
     * How long a response asks to wait (429 and 503 honour it on retry).
     *
     * @return the wait, or empty if the response names none
     */
    public static Optional<Duration> requestedWait(RawResponse r, Instant now) {
        return WaitTimes.parse(r.retryAfter(), r.ratelimitReset(), now).map(WaitTimes.Wait::duration);
    }

    private LoginResult success(Exchange ex, RawResponse r) {
        int s = r.status();
        String head = ex.describe() + " with " + s + " (" + requestRef(r.requestId()) + ")";
        if (s == STATUS_METADATA_ONLY && !r.oversized() && r.body().length == 0) {
            return LoginResult.builder(LoginResult.Type.OKAY).status(s).requestId(r.requestId()).build();
        }
        JsonObject body = payload(ex, r);
        JsonValue result = body.get("result");
        if (result == null && s == STATUS_METADATA_ONLY) {
            return LoginResult.builder(LoginResult.Type.OKAY).status(s).requestId(r.requestId()).body(body).build();
        }
        if (!(result instanceof JsonString rs)) {
            throw protocol(head, r, "but the body has no string 'result' field");
        }
        switch (rs.getString()) {
            case "full_login": {
                LoginResult full = fields(LoginResult.Type.FULL_LOGIN, head, r, body)
                        .conditions(conditions(body, head, r)).build();
                if (full.sessionId().isEmpty() || full.token().isEmpty()) {
                    throw protocol(head, r, "but its full_login lacks the session or the token");
                }
                return full;
            }
            case "conditional_login":
                return fields(LoginResult.Type.CONDITIONAL_LOGIN, head, r, body).conditions(conditions(body, head, r))
                        .build();
            case "okay":
                return fields(LoginResult.Type.OKAY, head, r, body).build();
            case "error":
                // older LoginRocket versions answered errors with 200 for browsers: still an error
                return throwValidation(head, s, r.requestId(), messages(body));
            default:
                throw protocol(head, r, "but its 'result' is '" + printable(rs.getString()) + "', which this client"
                        + " does not know (expected full_login, conditional_login or okay); upgrade the library if"
                        + " LoginRocket has added a result type");
        }
    }

    /** The body as a JSON object, checking size and content type; else a ProtocolException. */
    private JsonObject payload(Exchange ex, RawResponse r) {
        String head = ex.describe() + " with " + r.status() + " (" + requestRef(r.requestId()) + ")";
        if (r.oversized()) {
            throw protocol(head, r, "but the body is larger than maxResponseBytes (" + maxResponseBytes + " bytes) and"
                    + " was not read. Check loginrocket.url (" + urlForMessages + "), or raise maxResponseBytes if"
                    + " LoginRocket really sends that much");
        }
        if (!isJson(r.contentType())) {
            throw protocol(head, r, "but with Content-Type '" + printable(String.valueOf(r.contentType())) + "'"
                    + " instead of application/json. Check that loginrocket.url (" + urlForMessages + ") points at"
                    + " LoginRocket itself and not at a web page or a proxy");
        }
        return json.parseObject(r.body())
                .orElseThrow(() -> protocol(head, r, "but the body is not a JSON object (" + r.body().length
                        + " bytes; malformed or cut short). Try again; report it with the request id if it persists"));
    }

    private List<String> bestEffortMessages(RawResponse r) {
        if (r.oversized() || !isJson(r.contentType())) {
            return List.of();
        }
        return json.parseObject(r.body()).map(ResponseMapper::messages).orElse(List.of());
    }

    /** {@code errors} (strings only), else {@code error}, else none; see {@link #userText}. */
    static List<String> messages(JsonObject body) {
        List<String> out = new ArrayList<>();
        if (body.get("errors") instanceof JsonArray errors) {
            for (JsonValue v : errors) {
                if (v instanceof JsonString js && !js.getString().isBlank()) {
                    out.add(userText(js.getString()));
                }
            }
        }
        if (out.isEmpty() && body.get("error") instanceof JsonString e && !e.getString().isBlank()) {
            out.add(userText(e.getString()));
        }
        return List.copyOf(out);
    }

    /**
     * A server message as it may appear in an exception message, and so in log lines: localized text
     * is kept, but control characters (a line break could forge a log line) become spaces.
     */
    private static String userText(String message) {
        return message.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    /** A result of {@code type} with the fields every successful body may carry. */
    private static LoginResult.Builder fields(LoginResult.Type type, String head, RawResponse r, JsonObject body) {
        return LoginResult.builder(type)
                .status(r.status())
                .sessionId(string(body, "session", head, r))
                .account(string(body, "account", head, r))
                .token(string(body, "token", head, r))
                .requestId(r.requestId())
                .body(body);
    }

    private static LoginResult throwValidation(String head, int status, String requestId, List<String> messages) {
        String text = messages.isEmpty()
                ? "LoginRocket rejected " + head + " without a message: ask the user to check the input."
                : "LoginRocket rejected " + head + ": " + String.join(" ", messages)
                        + " Show these messages to the user so they can correct the input.";
        throw new ValidationException(text, status, requestId, messages, null);
    }

    private static String string(JsonObject body, String name, String head, RawResponse r) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString js) {
            return js.getString();
        }
        throw protocol(head, r, "but its '" + name + "' is a JSON " + v.getValueType() + ", not a string");
    }

    private static List<String> conditions(JsonObject body, String head, RawResponse r) {
        JsonValue v = body.get("conditions");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a) || !a.stream().allMatch(JsonString.class::isInstance)) {
            throw protocol(head, r, "but its 'conditions' is not an array of strings");
        }
        return a.getValuesAs(JsonString::getString);
    }

    private static ProtocolException protocol(String head, RawResponse r, String what) {
        return new ProtocolException("LoginRocket answered " + head + " " + what + ".", r.status(), r.requestId(),
                List.of(), null);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || mime.startsWith("application/") && mime.endsWith("+json");
    }

    static String requestRef(String requestId) {
        return requestId == null ? "no request id" : "request id " + printable(requestId);
    }

    /** Server-supplied text in our messages: printable ASCII, at most 80 characters. */
    private static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7E]", "?");
        return p.length() > 80 ? p.substring(0, 77) + "..." : p;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
