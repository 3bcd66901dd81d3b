package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.Fault;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.OutboxMessage;
import io.github.lrjakarta.testkit.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test controls under {@code /_emulator/}, for tests that drive the emulator over HTTP (other
 * languages, other processes). English-only, JSON in and out; errors are 400/404/405 with
 * {@code {"error": "..."}}. These requests are not recorded and never hit faults or rate limits.
 */
final class ControlRoutes {

    static final String PREFIX = "/_emulator/";

    private final TestControls controls;
    private final RealmState realm;
    private final SigningKeys keys;

    ControlRoutes(TestControls controls, RealmState realm, SigningKeys keys) {
        this.controls = controls;
        this.realm = realm;
        this.keys = keys;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX) || path.equals("/_emulator");
    }

    void handle(Call call) {
        String what = call.path().length() > PREFIX.length() ? call.path().substring(PREFIX.length()) : "";
        try {
            switch (what) {
                case "outbox" -> outbox(call);
                case "faults" -> faults(call);
                case "clock" -> clock(call);
                case "reset" -> {
                    expect(call, "POST");
                    controls.reset().run();
                    call.json(200, okay());
                }
                case "requests" -> requests(call);
                case "tokens" -> tokens(call);
                case "keys/rotate" -> {
                    expect(call, "POST");
                    call.json(200, Json.createObjectBuilder().add("kid", keys.rotate()).build());
                }
                case "invitations" -> {
                    expect(call, "POST");
                    String token = realm.invite(string(body(call), "email", true));
                    call.json(200, Json.createObjectBuilder().add("token", token).build());
                }
                case "realm" -> {
                    expect(call, "GET");
                    call.json(200, Json.createObjectBuilder().add("id", realm.realmId()).add("name", realm.realm().name())
                            .add("org_mode", realm.realm().orgMode().wireName())
                            .add("signup", realm.realm().signup().wireName()).build());
                }
                default -> fail(call, 404, "unknown emulator control: " + call.path()
                        + " (outbox, faults, clock, reset, requests, tokens, keys/rotate, invitations, realm)");
            }
        } catch (BadControl e) {
            fail(call, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            fail(call, 400, e.getMessage());
        }
    }

    private void outbox(Call call) {
        if (call.method().equals("DELETE")) {
            controls.outbox().clear();
            call.json(200, okay());
            return;
        }
        expect(call, "GET");
        String email = call.queryParam("email").orElse(null);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (OutboxMessage m : controls.outbox().messages()) {
            if (email != null && !m.to().equalsIgnoreCase(email)) {
                continue;
            }
            JsonObjectBuilder o = Json.createObjectBuilder().add("to", m.to())
                    .add("type", m.type().name().toLowerCase(Locale.ROOT)).add("subject", m.subject())
                    .add("sent_at", m.sentAt().toString());
            if (m.token() == null) {
                o.addNull("token");
            } else {
                o.add("token", m.token());
            }
            list.add(o);
        }
        call.json(200, Json.createObjectBuilder().add("messages", list).build());
    }

    private void faults(Call call) {
        switch (call.method()) {
            case "GET" -> {
                JsonObjectBuilder byPath = Json.createObjectBuilder();
                for (Map.Entry<String, List<Fault>> e : controls.faults().active().entrySet()) {
                    JsonArrayBuilder list = Json.createArrayBuilder();
                    e.getValue().forEach(f -> list.add(f.toString()));
                    byPath.add(e.getKey(), list);
                }
                call.json(200, Json.createObjectBuilder().add("faults", byPath).build());
            }
            case "DELETE" -> {
                call.queryParam("path").ifPresentOrElse(controls.faults()::clear, controls.faults()::clear);
                call.json(200, okay());
            }
            case "POST" -> {
                JsonObject body = body(call);
                String path = string(body, "path", true);
                controls.faults().inject(path, fault(body));
                call.json(200, okay());
            }
            default -> throw new BadControl(405, "use GET, POST or DELETE on " + call.path());
        }
    }

    /**
     * {@code {"path":…, "type": "delay"|"status"|"rate_limited"|"malformed_body"|"truncated_body"|
     * "drop_connection"|"response"|"no_response"|"trickle"|"oversized_body"|"wrong_content_type"|
     * "drop_mid_body", "delay":"PT2S", "status":503, "reset_in":"PT30S", "interval":"PT0.1S",
     * "size":10485760, "content_type":…, "body":…, "headers":{"Retry-After":"2"}, "times":1}};
     * without {@code times} the fault stays until cleared.
     */
    private static Fault fault(JsonObject body) {
        String type = string(body, "type", true);
        Fault fault = switch (type) {
            case "delay" -> Fault.delay(duration(string(body, "delay", true)));
            case "status" -> Fault.status(integer(body, "status"));
            case "rate_limited" -> Fault.rateLimited(body.containsKey("reset_in")
                    ? duration(string(body, "reset_in", true)) : Duration.ofMinutes(1));
            case "malformed_body" -> Fault.malformedBody();
            case "truncated_body" -> Fault.truncatedBody();
            case "drop_connection" -> Fault.dropConnection();
            case "response" -> Fault.response(integer(body, "status"), string(body, "content_type", true),
                    string(body, "body", true));
            case "no_response" -> Fault.noResponse();
            case "trickle" -> Fault.trickle(duration(string(body, "interval", true)));
            case "oversized_body" -> Fault.oversizedBody(integer(body, "size"));
            case "wrong_content_type" -> Fault.wrongContentType(string(body, "content_type", true));
            case "drop_mid_body" -> Fault.dropMidBody();
            default -> throw new IllegalArgumentException("unknown fault type " + type + " (delay, status, rate_limited,"
                    + " malformed_body, truncated_body, drop_connection, response, no_response, trickle,"
                    + " oversized_body, wrong_content_type, drop_mid_body)");
        };
        if (body.containsKey("headers")) {
            JsonValue headers = body.get("headers");
            if (headers.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("\"headers\" must be an object of strings");
            }
            for (String name : headers.asJsonObject().keySet()) {
                fault = fault.header(name, string(headers.asJsonObject(), name, true));
            }
        }
        return body.containsKey("times") ? fault.times(integer(body, "times")) : fault;
    }

    private void clock(Call call) {
        if (call.method().equals("POST")) {
            JsonObject body = body(call);
            if (body.containsKey("advance")) {
                controls.clock().advance(duration(string(body, "advance", true)));
            } else if (body.containsKey("set")) {
                try {
                    controls.clock().set(Instant.parse(string(body, "set", true)));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("set must be an ISO-8601 instant such as 2026-03-03T17:04:05Z");
                }
            } else {
                throw new IllegalArgumentException("send {\"advance\":\"PT1H\"} or {\"set\":\"2026-03-03T17:04:05Z\"}");
            }
        } else {
            expect(call, "GET");
        }
        call.json(200, Json.createObjectBuilder().add("now", controls.clock().now().toString()).build());
    }

    private void requests(Call call) {
        if (call.method().equals("DELETE")) {
            controls.requests().clear();
            call.json(200, okay());
            return;
        }
        expect(call, "GET");
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (RecordedRequest r : controls.requests().all()) {
            JsonObjectBuilder headers = Json.createObjectBuilder();
            r.headers().forEach((k, v) -> headers.add(k, Json.createArrayBuilder(v)));
            JsonObjectBuilder query = Json.createObjectBuilder();
            r.query().forEach((k, v) -> query.add(k, Json.createArrayBuilder(v)));
            list.add(Json.createObjectBuilder().add("method", r.method()).add("path", r.path()).add("query", query)
                    .add("headers", headers).add("body", r.body()).add("received_at", r.receivedAt().toString()));
        }
        call.json(200, Json.createObjectBuilder().add("requests", list).build());
    }

    private void tokens(Call call) {
        expect(call, "POST");
        JsonObject body = body(call);
        IssuedLogin login = realm.issueLogin(string(body, "user", true), string(body, "account", false), null);
        call.json(200, Json.createObjectBuilder().add("session", login.sessionId()).add("account", login.account())
                .add("token", login.token()).build());
    }

    private static void expect(Call call, String method) {
        if (!call.method().equals(method)) {
            throw new BadControl(405, "use " + method + " on " + call.path());
        }
    }

    private static JsonObject body(Call call) {
        if (call.body().length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try {
            value = StrictJson.read(call.body());
        } catch (RuntimeException e) {
            // a JsonException, or Parsson's bare RuntimeException for nesting past its depth limit
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static String string(JsonObject o, String key, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new IllegalArgumentException("missing \"" + key + "\"");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return o.getString(key);
    }

    private static int integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number");
        }
        return ((JsonNumber) v).intValue();
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("durations are ISO-8601, such as PT1H or PT0.5S; got " + text);
        }
    }

    private static void fail(Call call, int status, String message) {
        call.json(status, Json.createObjectBuilder().add("error", message == null ? "bad request" : message).build());
    }

    private static JsonObject okay() {
        return Json.createObjectBuilder().add("result", "okay").build();
    }

    private static final class BadControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadControl(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
