package io.github.lrjakarta.testkit.internal;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The LoginRocket JSON API under {@code /v2/}: routing, content negotiation (404, 405 with
 * {@code Allow}, 406, 415, 400 for broken JSON) and parameter intake (query string, plus a JSON or
 * form body; body values win, so {@code session} may travel in either).
 */
final class ApiRoutes {

    @FunctionalInterface
    private interface Handler {
        JsonObject handle(Map<String, String> params, Call call);
    }

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Condition of a multi-user session without a selected account. */
    private static final String NO_ACCOUNT_SELECTED = "no_account_selected";
    /** Condition of a login waiting for its TOTP code (the shape is inferred: the real one is not public). */
    private static final String MUST_VERIFY_TOTP = "must_verify_totp";
    private static final JsonObject OKAY = Json.createObjectBuilder().add("result", "okay").build();

    private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();

    ApiRoutes(RealmState realm) {
        route("/v2/login", "POST", (p, c) -> toJson(realm.login(p.get("email"), p.get("password"), p.get("account"),
                c.client())));
        route("/v2/login/verify", "POST", (p, c) -> toJson(realm.verifyLogin(p.get("token"), p.get("code"),
                p.get("account"), c.client())));
        route("/v2/session", "GET", (p, c) -> toJson(realm.getSession(p.get("session"), p.get("account"))));
        route("/v2/session", "DELETE", (p, c) -> okay(() -> realm.logout(p.get("session"))));
        route("/v2/password/forgot", "POST", (p, c) -> okay(() -> realm.forgotPassword(p.get("email"))));
        route("/v2/password/reset", "POST", (p, c) -> toJson(realm.resetPassword(required(p, "token"), p.get("password"),
                p.get("password_confirmation"), c.client())));
        route("/v2/profile/password", "POST", (p, c) -> okay(() -> realm.updatePassword(p.get("session"),
                p.get("current_password"), p.get("password"), p.get("password_confirmation"))));
        route("/v2/profile", "PUT", (p, c) -> toJson(realm.updateProfile(p.get("session"), p)));
        route("/v2/signup/request", "POST", (p, c) -> okay(() -> realm.requestInvitation(p.get("email"))));
        route("/v2/signup", "POST", (p, c) -> toJson(realm.signup(p, c.client())));
        route("/v2/email/verify", "POST", (p, c) -> okay(() -> realm.verifyEmail(required(p, "token"))));
    }

    /** The JSON LoginRocket answers for the outcome of a login step. */
    static JsonObject toJson(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.FullLogin full) {
            return Json.createObjectBuilder().add("result", "full_login").add("session", full.sessionId())
                    .add("account", full.account()).add("token", full.token()).build();
        }
        if (outcome instanceof LoginOutcome.AccountNeeded needed) {
            return Json.createObjectBuilder().add("result", "conditional_login").add("session", needed.sessionId())
                    .addNull("account").add("conditions", Json.createArrayBuilder().add(NO_ACCOUNT_SELECTED)).build();
        }
        LoginOutcome.CodeNeeded code = (LoginOutcome.CodeNeeded) outcome;
        return Json.createObjectBuilder().add("result", "conditional_login").addNull("session").addNull("account")
                .add("conditions", Json.createArrayBuilder().add(MUST_VERIFY_TOTP)).add("token", code.pendingToken())
                .build();
    }

    private static JsonObject okay(Runnable call) {
        call.run();
        return OKAY;
    }

    private void route(String path, String method, Handler handler) {
        routes.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(method, handler);
    }

    /** Whether {@code path} is an API route (for CORS preflights). */
    boolean knows(String path) {
        return routes.containsKey(normalize(path));
    }

    private static String normalize(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw ApiError.invalid("param.missing", name);
        }
        return value;
    }

    void handle(Call call) {
        Map<String, Handler> byMethod = routes.get(normalize(call.path()));
        if (byMethod == null) {
            throw ApiError.of(404, "error.not_found");
        }
        Handler handler = byMethod.get(call.method());
        if (handler == null) {
            throw new ApiError(405, List.of(new ApiError.Message("error.method_not_allowed")),
                    Map.of("Allow", String.join(", ", byMethod.keySet()) + ", OPTIONS"));
        }
        if (!acceptsJson(call.header("accept").orElse(null))) {
            throw ApiError.of(406, "error.not_acceptable");
        }
        Map<String, String> params = new HashMap<>();
        call.query().forEach((k, v) -> params.put(k, v.get(0)));
        if (BODY_METHODS.contains(call.method()) && call.body().length > 0) {
            String type = call.contentType();
            if (type.equals("application/json")) {
                params.putAll(jsonParams(call.body()));
            } else if (type.equals("application/x-www-form-urlencoded")) {
                Call.parseForm(new String(call.body(), StandardCharsets.UTF_8)).forEach((k, v) -> params.put(k, v.get(0)));
            } else {
                throw ApiError.of(415, "error.unsupported_media_type");
            }
        } else if (!call.contentType().isEmpty() && BODY_METHODS.contains(call.method())
                && !call.contentType().equals("application/json")
                && !call.contentType().equals("application/x-www-form-urlencoded")) {
            throw ApiError.of(415, "error.unsupported_media_type");
        }
        call.json(200, handler.handle(params, call));
    }

    /**
     * Whether an {@code Accept} header admits JSON. A missing header does not: every LoginRocket request
     * must ask for JSON, so a client that forgets gets 406 here.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean zeroQ = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        zeroQ = Double.parseDouble(param.substring(2)) <= 0;
                    } catch (NumberFormatException ignored) {
                        zeroQ = false;
                    }
                }
            }
            if (!zeroQ && (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")
                    || (type.startsWith("application/") && type.endsWith("+json")))) {
                return true;
            }
        }
        return false;
    }

    /** Top-level members of a JSON object body as strings; JSON null stays null (clears a field). */
    private static Map<String, String> jsonParams(byte[] body) {
        JsonValue structure;
        try {
            structure = StrictJson.read(body);
        } catch (RuntimeException e) {
            // a JsonException, or Parsson's bare RuntimeException for nesting past its depth limit
            throw ApiError.of(400, "request.bad_json");
        }
        if (structure.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.of(400, "request.bad_body");
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : structure.asJsonObject().entrySet()) {
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case STRING -> out.put(e.getKey(), ((JsonString) v).getString());
                case NUMBER -> out.put(e.getKey(), ((JsonNumber) v).toString());
                case TRUE -> out.put(e.getKey(), "true");
                case FALSE -> out.put(e.getKey(), "false");
                case NULL -> out.put(e.getKey(), null);
                default -> {
                    // nested objects and arrays are not LoginRocket API parameters; ignore them
                }
            }
        }
        return out;
    }
}
