package io.github.lrjakarta.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the emulated realm. Immutable.
 *
 * <p>Defaults (AuthRocket 2's own defaults are not public; these are the emulator's choices):
 * name {@code "Emulator"}, id derived from the name, {@link OrgMode#SINGLE_USER},
 * {@link SignupMode#OPEN}, no allowed CORS origins, {@code jwt_minutes} 60, {@code session_minutes}
 * 1440, minimum password length 8, {@code password_confirmation} checked only when sent, lockout
 * after 5 consecutive bad passwords for 15 minutes, reset and verification tokens valid 60 and 1440
 * minutes, any {@code redirect_uri} accepted by the login page, no rate limits.
 *
 * @since 0.1
 */
public final class RealmFixture {

    private final String name;
    private final String id;
    private final OrgMode orgMode;
    private final SignupMode signup;
    private final List<String> allowedOrigins;
    private final int jwtMinutes;
    private final int sessionMinutes;
    private final int passwordMinLength;
    private final boolean requirePasswordConfirmation;
    private final int lockoutAttempts;
    private final int lockoutMinutes;
    private final int resetTokenMinutes;
    private final int verifyTokenMinutes;
    private final List<String> redirectUris;
    private final Map<String, RateLimit> rateLimits;

    private RealmFixture(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.id = b.id;
        this.orgMode = Objects.requireNonNull(b.orgMode, "orgMode");
        this.signup = Objects.requireNonNull(b.signup, "signup");
        this.allowedOrigins = List.copyOf(b.allowedOrigins);
        this.jwtMinutes = positive("jwt_minutes", b.jwtMinutes);
        this.sessionMinutes = positive("session_minutes", b.sessionMinutes);
        this.passwordMinLength = positive("password_min_length", b.passwordMinLength);
        this.requirePasswordConfirmation = b.requirePasswordConfirmation;
        this.lockoutAttempts = positive("lockout_attempts", b.lockoutAttempts);
        this.lockoutMinutes = positive("lockout_minutes", b.lockoutMinutes);
        this.resetTokenMinutes = positive("reset_token_minutes", b.resetTokenMinutes);
        this.verifyTokenMinutes = positive("verify_token_minutes", b.verifyTokenMinutes);
        this.redirectUris = List.copyOf(b.redirectUris);
        this.rateLimits = Map.copyOf(b.rateLimits);
        if (id != null && !id.startsWith("rl_")) {
            throw new IllegalArgumentException("realm id must start with rl_, got: " + id);
        }
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
        return value;
    }

    /** A builder with the defaults listed above. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this fixture's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.id = id;
        b.orgMode = orgMode;
        b.signup = signup;
        b.allowedOrigins = allowedOrigins;
        b.jwtMinutes = jwtMinutes;
        b.sessionMinutes = sessionMinutes;
        b.passwordMinLength = passwordMinLength;
        b.requirePasswordConfirmation = requirePasswordConfirmation;
        b.lockoutAttempts = lockoutAttempts;
        b.lockoutMinutes = lockoutMinutes;
        b.resetTokenMinutes = resetTokenMinutes;
        b.verifyTokenMinutes = verifyTokenMinutes;
        b.redirectUris = redirectUris;
        b.rateLimits.putAll(rateLimits);
        return b;
    }

    /** Realm name. */
    public String name() {
        return name;
    }

    /** A fixed {@code rl_…} id, if one was given. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** {@code org_mode}. */
    public OrgMode orgMode() {
        return orgMode;
    }

    /** {@code signup}. */
    public SignupMode signup() {
        return signup;
    }

    /** CORS origins ({@code scheme://host[:port]}) allowed to call the API from a browser. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Login token lifetime in minutes ({@code exp - iat}, capped at the session's expiry). */
    public int jwtMinutes() {
        return jwtMinutes;
    }

    /** Session lifetime in minutes, from login. */
    public int sessionMinutes() {
        return sessionMinutes;
    }

    /** Minimum password length. */
    public int passwordMinLength() {
        return passwordMinLength;
    }

    /** Whether {@code password_confirmation} must be sent (it is always checked when sent). */
    public boolean requirePasswordConfirmation() {
        return requirePasswordConfirmation;
    }

    /** Consecutive bad passwords that lock a user. */
    public int lockoutAttempts() {
        return lockoutAttempts;
    }

    /** How long a lockout lasts, in minutes. */
    public int lockoutMinutes() {
        return lockoutMinutes;
    }

    /** Lifetime of {@code tpw:} reset tokens, in minutes. */
    public int resetTokenMinutes() {
        return resetTokenMinutes;
    }

    /** Lifetime of {@code tve:} verification and invitation tokens, in minutes. */
    public int verifyTokenMinutes() {
        return verifyTokenMinutes;
    }

    /** Prefixes a login-page {@code redirect_uri} must start with; empty = any http(s) URL. */
    public List<String> redirectUris() {
        return redirectUris;
    }

    /** Rate limits by exact request path (e.g. {@code /v2/login}). */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private String name = "Emulator";
        private String id;
        private OrgMode orgMode = OrgMode.SINGLE_USER;
        private SignupMode signup = SignupMode.OPEN;
        private List<String> allowedOrigins = List.of();
        private int jwtMinutes = 60;
        private int sessionMinutes = 1440;
        private int passwordMinLength = 8;
        private boolean requirePasswordConfirmation;
        private int lockoutAttempts = 5;
        private int lockoutMinutes = 15;
        private int resetTokenMinutes = 60;
        private int verifyTokenMinutes = 1440;
        private List<String> redirectUris = List.of();
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();

        private Builder() {
        }

        /** Realm name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A fixed realm id ({@code rl_…}). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** {@code org_mode}. */
        public Builder orgMode(OrgMode orgMode) {
            this.orgMode = orgMode;
            return this;
        }

        /** {@code signup}. */
        public Builder signup(SignupMode signup) {
            this.signup = signup;
            return this;
        }

        /** CORS origins. */
        public Builder allowedOrigins(String... origins) {
            return allowedOrigins(List.of(origins));
        }

        /** CORS origins. */
        public Builder allowedOrigins(List<String> origins) {
            this.allowedOrigins = List.copyOf(origins);
            return this;
        }

        /** Login token lifetime in minutes. */
        public Builder jwtMinutes(int minutes) {
            this.jwtMinutes = minutes;
            return this;
        }

        /** Session lifetime in minutes. */
        public Builder sessionMinutes(int minutes) {
            this.sessionMinutes = minutes;
            return this;
        }

        /** Minimum password length. */
        public Builder passwordMinLength(int length) {
            this.passwordMinLength = length;
            return this;
        }

        /** Whether {@code password_confirmation} is required. */
        public Builder requirePasswordConfirmation(boolean required) {
            this.requirePasswordConfirmation = required;
            return this;
        }

        /** Lockout after this many consecutive bad passwords, for this many minutes. */
        public Builder lockout(int attempts, int minutes) {
            this.lockoutAttempts = attempts;
            this.lockoutMinutes = minutes;
            return this;
        }

        /** Lifetime of reset tokens in minutes. */
        public Builder resetTokenMinutes(int minutes) {
            this.resetTokenMinutes = minutes;
            return this;
        }

        /** Lifetime of verification and invitation tokens in minutes. */
        public Builder verifyTokenMinutes(int minutes) {
            this.verifyTokenMinutes = minutes;
            return this;
        }

        /** Allowed {@code redirect_uri} prefixes for the login page. */
        public Builder redirectUris(String... prefixes) {
            this.redirectUris = List.of(prefixes);
            return this;
        }

        /** Allowed {@code redirect_uri} prefixes for the login page. */
        public Builder redirectUris(List<String> prefixes) {
            this.redirectUris = List.copyOf(prefixes);
            return this;
        }

        /** Rate-limits one path. */
        public Builder rateLimit(String path, RateLimit limit) {
            rateLimits.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** Builds the fixture. */
        public RealmFixture build() {
            return new RealmFixture(this);
        }
    }
}
