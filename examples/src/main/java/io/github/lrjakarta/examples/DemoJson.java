package io.github.lrjakarta.examples;

import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketUser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;

/** The JSON the demo API answers with. */
final class DemoJson {

    // One factory for the application: Json.createObjectBuilder() looks the provider up on every call.
    static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private DemoJson() {}

    /** Name, else username, else e-mail, else id. */
    static String displayName(LoginRocketUser user) {
        return user.name().or(user::username).or(user::email).orElse(user.id());
    }

    /**
     * The user, the selected organization and the token's lifetime. The session id and the token
     * stay out: the page has no use for them, and they are credentials.
     */
    static JsonObject profile(LoginRocketSession session) {
        LoginRocketUser user = session.user();
        JsonObjectBuilder u = FACTORY.createObjectBuilder().add("id", user.id());
        addIfPresent(u, "email", user.email());
        user.emailVerified().ifPresent(v -> u.add("emailVerified", v));
        addIfPresent(u, "name", user.name());
        addIfPresent(u, "givenName", user.givenName());
        addIfPresent(u, "familyName", user.familyName());
        addIfPresent(u, "username", user.username());
        addIfPresent(u, "locale", user.locale());
        addIfPresent(u, "reference", user.reference());
        JsonObjectBuilder body = FACTORY.createObjectBuilder().add("user", u);
        Optional<LoginRocketMembership> selected = session.selectedMembership();
        if (selected.isPresent()) {
            LoginRocketMembership m = selected.get();
            JsonArrayBuilder permissions = FACTORY.createArrayBuilder();
            m.permissions().stream().sorted().forEach(permissions::add);
            JsonObjectBuilder org = FACTORY.createObjectBuilder().add("membershipId", m.id()).add("orgId", m.orgId());
            addIfPresent(org, "name", m.orgName());
            body.add("org", org.add("permissions", permissions));
        } else {
            body.addNull("org");
        }
        JsonObjectBuilder s = FACTORY.createObjectBuilder()
                .add("issuedAt", session.issuedAt().toString())
                .add("expiresAt", session.expiresAt().toString());
        if (session.realmId() != null) {
            s.add("realm", session.realmId());
        }
        return body.add("session", s).build();
    }

    private static void addIfPresent(JsonObjectBuilder b, String name, Optional<String> value) {
        value.ifPresent(v -> b.add(name, v));
    }
}
