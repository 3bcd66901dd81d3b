package io.github.lrjakarta.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of a LoginRocket login token, as the emulator issues them and {@link TokenSigner}
 * signs them: issuer {@code https://authrocket.com}, {@code sub} (user id), {@code sid} (session),
 * {@code rid} (realm), {@code iat}, {@code exp}, the profile claims, {@code ref}, {@code cs} and
 * {@code orgs} holding the one selected membership; no {@code aud}. Absent names are left out,
 * absent references are JSON {@code null}, as LoginRocket writes them.
 *
 * <p>{@link #sample(Instant)} gives a complete set for a fixed user (Dana Rivera, admin of Rivera
 * Labs), valid an hour; tests change what they are about with {@link #toBuilder()} or, for claims no
 * issuer would write, edit {@link #toJson()}. Immutable.
 *
 * @since 0.2
 */
public final class LoginTokenClaims {

    /** Issuer of every LoginRocket login token. */
    public static final String ISSUER = "https://authrocket.com";

    private final Builder b;

    private LoginTokenClaims(Builder b) {
        this.b = b.copy();
    }

    /** A builder; {@code subject}, {@code sessionId}, {@code realmId}, {@code issuedAt}, {@code email} and a membership are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Dana Rivera's token in realm {@code rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8}, issued at {@code now}, valid one hour. */
    public static LoginTokenClaims sample(Instant now) {
        return builder().subject("usr_3Ab4Cd5Ef6Gh7Ij8Kl9Mn0").sessionId("kss_2Qm8pLr5TzV1aXc9Hn4Wb0")
                .realmId("rl_1Qa2Ws3Ed4Rf5Tg6Yh7Uj8").issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)))
                .givenName("Dana").familyName("Rivera").username("DanaR").email("dana@example.org").emailVerified(true)
                .locale("en").reference("crm-4411").custom(Json.createObjectBuilder().add("plan", "pro").build())
                .membership("mb_8Zx7Yw6Vu5Ts4Rq3Po2Nm1", "org_7Fh3Kq2Lm9Np4Rs6Tu8Vw1", "Rivera Labs", List.of("admin"))
                .build();
    }

    /** A builder holding these claims. */
    public Builder toBuilder() {
        return b.copy();
    }

    /** The user id ({@code sub}). */
    public String subject() {
        return b.subject;
    }

    /** The session id ({@code sid}). */
    public String sessionId() {
        return b.sessionId;
    }

    /** The selected account's org id ({@code orgs[0].oid}). */
    public String account() {
        return b.orgId;
    }

    /** The claims as the token's payload. */
    public JsonObject toJson() {
        JsonObjectBuilder claims = Json.createObjectBuilder().add("iss", b.issuer).add("sub", b.subject)
                .add("sid", b.sessionId).add("rid", b.realmId).add("iat", b.issuedAt.getEpochSecond())
                .add("exp", b.expiresAt.getEpochSecond());
        String name = String.join(" ", java.util.stream.Stream.of(b.givenName, b.familyName)
                .filter(v -> v != null && !v.isBlank()).toList());
        if (!name.isEmpty()) {
            claims.add("name", name);
        }
        addIfPresent(claims, "given_name", b.givenName);
        addIfPresent(claims, "family_name", b.familyName);
        addIfPresent(claims, "preferred_username", b.username);
        claims.add("email", b.email).add("email_verified", b.emailVerified).add("locale", b.locale);
        addOrNull(claims, "ref", b.reference);
        claims.add("cs", b.custom);
        JsonArrayBuilder perms = Json.createArrayBuilder();
        b.permissions.forEach(perms::add);
        JsonObjectBuilder org = Json.createObjectBuilder().add("mid", b.membershipId).add("oid", b.orgId)
                .add("name", b.orgName).add("perm", perms).add("selected", true);
        addOrNull(org, "ref", b.orgReference);
        org.add("cs", b.orgCustom);
        return claims.add("orgs", Json.createArrayBuilder().add(org)).build();
    }

    private static void addIfPresent(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    private static void addOrNull(JsonObjectBuilder o, String key, String value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }

    @Override
    public String toString() {
        return "LoginTokenClaims[sub=" + b.subject + ", account=" + b.orgId + ", exp=" + b.expiresAt + "]";
    }

    /** Builds {@link LoginTokenClaims}. Not thread-safe. */
    public static final class Builder {
        private String issuer = ISSUER;
        private String subject;
        private String sessionId;
        private String realmId;
        private Instant issuedAt;
        private Instant expiresAt;
        private String givenName;
        private String familyName;
        private String username;
        private String email;
        private boolean emailVerified;
        private String locale = "en";
        private String reference;
        private JsonObject custom = JsonObject.EMPTY_JSON_OBJECT;
        private String membershipId;
        private String orgId;
        private String orgName;
        private List<String> permissions = List.of();
        private String orgReference;
        private JsonObject orgCustom = JsonObject.EMPTY_JSON_OBJECT;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.issuer = issuer;
            c.subject = subject;
            c.sessionId = sessionId;
            c.realmId = realmId;
            c.issuedAt = issuedAt;
            c.expiresAt = expiresAt;
            c.givenName = givenName;
            c.familyName = familyName;
            c.username = username;
            c.email = email;
            c.emailVerified = emailVerified;
            c.locale = locale;
            c.reference = reference;
            c.custom = custom;
            c.membershipId = membershipId;
            c.orgId = orgId;
            c.orgName = orgName;
            c.permissions = permissions;
            c.orgReference = orgReference;
            c.orgCustom = orgCustom;
            return c;
        }

        /** {@code iss}; default {@value LoginTokenClaims#ISSUER}. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** {@code sub}, the user id. Required. */
        public Builder subject(String userId) {
            this.subject = userId;
            return this;
        }

        /** {@code sid}. Required. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** {@code rid}. Required. */
        public Builder realmId(String realmId) {
            this.realmId = realmId;
            return this;
        }

        /** {@code iat}. Required. */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** {@code exp}; default an hour after {@code iat}. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** {@code given_name} (and half of {@code name}); default none. */
        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        /** {@code family_name} (and half of {@code name}); default none. */
        public Builder familyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        /** {@code preferred_username}; default none. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** {@code email}. Required. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** {@code email_verified}; default {@code false}. */
        public Builder emailVerified(boolean emailVerified) {
            this.emailVerified = emailVerified;
            return this;
        }

        /** {@code locale}; default {@code en}. */
        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The user's {@code ref}; default {@code null}. */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** The user's custom attributes, {@code cs}; default {@code {}}. */
        public Builder custom(JsonObject custom) {
            this.custom = Objects.requireNonNull(custom, "custom");
            return this;
        }

        /** The selected membership, {@code orgs[0]} ({@code mid}, {@code oid}, {@code name}, {@code perm}). Required. */
        public Builder membership(String membershipId, String orgId, String orgName, List<String> permissions) {
            this.membershipId = Objects.requireNonNull(membershipId, "membershipId");
            this.orgId = Objects.requireNonNull(orgId, "orgId");
            this.orgName = Objects.requireNonNull(orgName, "orgName");
            this.permissions = List.copyOf(permissions);
            return this;
        }

        /** The org's {@code ref} and custom attributes {@code cs}; default {@code null} and {@code {}}. */
        public Builder orgAttributes(String reference, JsonObject custom) {
            this.orgReference = reference;
            this.orgCustom = Objects.requireNonNull(custom, "custom");
            return this;
        }

        /**
         * The claims.
         *
         * @throws IllegalStateException when a required claim is missing
         */
        public LoginTokenClaims build() {
            require(subject, "subject");
            require(sessionId, "sessionId");
            require(realmId, "realmId");
            require(issuedAt, "issuedAt");
            require(email, "email");
            require(orgId, "membership");
            if (expiresAt == null) {
                expiresAt = issuedAt.plus(Duration.ofHours(1));
            }
            return new LoginTokenClaims(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException("login token claims need " + name);
            }
        }
    }
}
