package io.github.lrjakarta.testkit;

import io.github.lrjakarta.testkit.internal.FixtureJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A realm with its users: what an emulator starts from and returns to on
 * {@link LoginRocketEmulator#reset()}. Immutable.
 *
 * <p>JSON form (unknown members are rejected, so typos show up):
 * <pre>{@code
 * {"realm": {"name": "Sample", "id": "rl_…", "org_mode": "single_user", "signup": "open",
 *            "allowed_origins": ["http://localhost:3000"], "jwt_minutes": 60, "session_minutes": 1440,
 *            "password_min_length": 8, "require_password_confirmation": false,
 *            "lockout_attempts": 5, "lockout_minutes": 15, "reset_token_minutes": 60,
 *            "verify_token_minutes": 1440, "redirect_uris": ["http://localhost:8080/"],
 *            "rate_limits": {"/v2/login": {"limit": 10, "window": "PT1M"}}},
 *  "users": [{"email": "…", "password": "…", "first_name": "…", "last_name": "…", "username": "…",
 *             "locale": "en", "id": "usr_…", "email_verified": true, "ref": "…", "cs": {…},
 *             "mfa": false, "totp_code": "123456",
 *             "orgs": [{"name": "…", "permissions": ["…"], "id": "org_…", "ref": "…", "cs": {…}}]}]}
 * }</pre>
 * Only {@code realm.name}, {@code users[].email} and {@code users[].password} are required.
 *
 * @since 0.1
 */
public final class EmulatorFixture {

    /** Classpath location of the sample realm. */
    public static final String SAMPLE_RESOURCE = "io/github/lrjakarta/testkit/sample-realm.json";

    private final RealmFixture realm;
    private final List<UserFixture> users;

    private EmulatorFixture(RealmFixture realm, List<UserFixture> users) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.users = List.copyOf(users);
    }

    /** A fixture from its parts. */
    public static EmulatorFixture of(RealmFixture realm, List<UserFixture> users) {
        return new EmulatorFixture(realm, users);
    }

    /**
     * The sample realm "Sample" (single-user, open signup, origin {@code http://localhost:3000}) with
     * dana@example.org / correct-horse-battery (admin of "Rivera Labs") and
     * sam@example.org / sam-password-123 (read in "Kim Consulting", locale es).
     */
    public static EmulatorFixture sample() {
        ClassLoader loader = EmulatorFixture.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sample realm resource missing from the testkit jar: " + SAMPLE_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample realm resource", e);
        }
    }

    /**
     * Reads a JSON fixture file.
     *
     * @throws IllegalArgumentException naming the file and the offending member when it is invalid
     */
    public static EmulatorFixture read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid fixture file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON fixture; the stream is not closed.
     *
     * @throws IllegalArgumentException naming the offending member when it is invalid
     */
    public static EmulatorFixture read(InputStream json) {
        return FixtureJson.parse(json);
    }

    /** The realm settings. */
    public RealmFixture realm() {
        return realm;
    }

    /** The users, in fixture order. */
    public List<UserFixture> users() {
        return users;
    }

    /** A copy with other realm settings. */
    public EmulatorFixture withRealm(RealmFixture realm) {
        return new EmulatorFixture(realm, users);
    }
}
