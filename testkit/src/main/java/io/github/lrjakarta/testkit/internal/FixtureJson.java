package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.EmulatorFixture;
import io.github.lrjakarta.testkit.OrgFixture;
import io.github.lrjakarta.testkit.OrgMode;
import io.github.lrjakarta.testkit.RateLimit;
import io.github.lrjakarta.testkit.RealmFixture;
import io.github.lrjakarta.testkit.SignupMode;
import io.github.lrjakarta.testkit.UserFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the JSON fixture format documented on {@link EmulatorFixture}. */
public final class FixtureJson {

    private static final Set<String> ROOT_KEYS = Set.of("realm", "users");
    private static final Set<String> REALM_KEYS = Set.of("name", "id", "org_mode", "signup", "allowed_origins",
            "jwt_minutes", "session_minutes", "password_min_length", "require_password_confirmation",
            "lockout_attempts", "lockout_minutes", "reset_token_minutes", "verify_token_minutes", "redirect_uris",
            "rate_limits");
    private static final Set<String> USER_KEYS = Set.of("email", "password", "first_name", "last_name", "username",
            "locale", "id", "email_verified", "ref", "cs", "mfa", "totp_code", "orgs");
    private static final Set<String> ORG_KEYS = Set.of("name", "permissions", "id", "ref", "cs");

    private FixtureJson() {
    }

    /** Parses a fixture; problems are reported as IllegalArgumentException naming the member. */
    public static EmulatorFixture parse(InputStream in) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(in)) {
            root = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new IllegalArgumentException("the fixture must be a JSON object: " + e.getMessage(), e);
        }
        checkKeys("fixture", root, ROOT_KEYS);
        if (!root.containsKey("realm")) {
            throw new IllegalArgumentException("missing \"realm\"");
        }
        RealmFixture realm = realm(object(root, "realm", "fixture"));
        List<UserFixture> users = new ArrayList<>();
        JsonArray array = root.containsKey("users") ? array(root, "users", "fixture") : JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < array.size(); i++) {
            String where = "users[" + i + "]";
            users.add(user(asObject(array.get(i), where), where));
        }
        return EmulatorFixture.of(realm, users);
    }

    private static RealmFixture realm(JsonObject o) {
        checkKeys("realm", o, REALM_KEYS);
        RealmFixture.Builder b = RealmFixture.builder().name(requiredString(o, "name", "realm"));
        try {
            if (o.containsKey("id")) {
                b.id(string(o, "id", "realm"));
            }
            if (o.containsKey("org_mode")) {
                b.orgMode(OrgMode.fromWireName(string(o, "org_mode", "realm")));
            }
            if (o.containsKey("signup")) {
                b.signup(SignupMode.fromWireName(string(o, "signup", "realm")));
            }
            if (o.containsKey("allowed_origins")) {
                b.allowedOrigins(strings(o, "allowed_origins", "realm"));
            }
            if (o.containsKey("jwt_minutes")) {
                b.jwtMinutes(integer(o, "jwt_minutes", "realm"));
            }
            if (o.containsKey("session_minutes")) {
                b.sessionMinutes(integer(o, "session_minutes", "realm"));
            }
            if (o.containsKey("password_min_length")) {
                b.passwordMinLength(integer(o, "password_min_length", "realm"));
            }
            if (o.containsKey("require_password_confirmation")) {
                b.requirePasswordConfirmation(bool(o, "require_password_confirmation", "realm"));
            }
            RealmFixture defaults = RealmFixture.builder().build();
            int attempts = o.containsKey("lockout_attempts") ? integer(o, "lockout_attempts", "realm")
                    : defaults.lockoutAttempts();
            int minutes = o.containsKey("lockout_minutes") ? integer(o, "lockout_minutes", "realm")
                    : defaults.lockoutMinutes();
            b.lockout(attempts, minutes);
            if (o.containsKey("reset_token_minutes")) {
                b.resetTokenMinutes(integer(o, "reset_token_minutes", "realm"));
            }
            if (o.containsKey("verify_token_minutes")) {
                b.verifyTokenMinutes(integer(o, "verify_token_minutes", "realm"));
            }
            if (o.containsKey("redirect_uris")) {
                b.redirectUris(strings(o, "redirect_uris", "realm"));
            }
            if (o.containsKey("rate_limits")) {
                for (Map.Entry<String, JsonValue> e : object(o, "rate_limits", "realm").entrySet()) {
                    String where = "realm.rate_limits[\"" + e.getKey() + "\"]";
                    JsonObject limit = asObject(e.getValue(), where);
                    checkKeys(where, limit, Set.of("limit", "window"));
                    Duration window = duration(requiredString(limit, "window", where), where + ".window");
                    b.rateLimit(e.getKey(), RateLimit.of(integer(limit, "limit", where), window));
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("realm")
                    ? e : new IllegalArgumentException("realm: " + e.getMessage(), e);
        }
    }

    private static UserFixture user(JsonObject o, String where) {
        checkKeys(where, o, USER_KEYS);
        UserFixture.Builder b = UserFixture.builder(requiredString(o, "email", where), requiredString(o, "password", where));
        try {
            if (o.containsKey("id")) {
                b.id(string(o, "id", where));
            }
            if (o.containsKey("first_name")) {
                b.firstName(string(o, "first_name", where));
            }
            if (o.containsKey("last_name")) {
                b.lastName(string(o, "last_name", where));
            }
            if (o.containsKey("username")) {
                b.username(string(o, "username", where));
            }
            if (o.containsKey("locale")) {
                b.locale(string(o, "locale", where));
            }
            if (o.containsKey("email_verified")) {
                b.emailVerified(bool(o, "email_verified", where));
            }
            if (o.containsKey("ref")) {
                b.reference(string(o, "ref", where));
            }
            if (o.containsKey("cs")) {
                b.custom(object(o, "cs", where));
            }
            if (o.containsKey("mfa")) {
                b.mfa(bool(o, "mfa", where));
            }
            if (o.containsKey("totp_code")) {
                b.totpCode(string(o, "totp_code", where));
            }
            if (o.containsKey("orgs")) {
                JsonArray orgs = array(o, "orgs", where);
                for (int i = 0; i < orgs.size(); i++) {
                    String at = where + ".orgs[" + i + "]";
                    b.org(org(asObject(orgs.get(i), at), at));
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(where)
                    ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static OrgFixture org(JsonObject o, String where) {
        checkKeys(where, o, ORG_KEYS);
        OrgFixture.Builder b = OrgFixture.builder(requiredString(o, "name", where));
        if (o.containsKey("permissions")) {
            b.permissions(strings(o, "permissions", where));
        }
        if (o.containsKey("id")) {
            b.id(string(o, "id", where));
        }
        if (o.containsKey("ref")) {
            b.reference(string(o, "ref", where));
        }
        if (o.containsKey("cs")) {
            b.custom(object(o, "cs", where));
        }
        return b.build();
    }

    private static void checkKeys(String where, JsonObject o, Set<String> allowed) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown member \"" + key + "\" (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static JsonObject asObject(JsonValue v, String where) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return v.asJsonObject();
    }

    private static JsonObject object(JsonObject o, String key, String where) {
        return asObject(o.get(key), where + "." + key);
    }

    private static JsonArray array(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException(where + "." + key + " must be an array");
        }
        return v.asJsonArray();
    }

    private static String requiredString(JsonObject o, String key, String where) {
        if (!o.containsKey(key)) {
            throw new IllegalArgumentException(where + ": missing \"" + key + "\"");
        }
        return string(o, key, where);
    }

    private static String string(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException(where + "." + key + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    private static List<String> strings(JsonObject o, String key, String where) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(o, key, where)) {
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException(where + "." + key + " must hold strings only");
            }
            out.add(((JsonString) v).getString());
        }
        return out;
    }

    private static int integer(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new IllegalArgumentException(where + "." + key + " must be a whole number");
        }
        return ((JsonNumber) v).intValueExact();
    }

    private static boolean bool(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new IllegalArgumentException(where + "." + key + " must be true or false");
    }

    private static Duration duration(String text, String where) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be an ISO-8601 duration such as PT1M, got: " + text, e);
        }
    }
}
