package io.github.lrjakarta.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The single-use tokens the realm handed out (password reset, e-mail verification, invitation,
 * pending MFA login), by token. Not thread-safe: {@link RealmState} uses it under its lock.
 */
final class OneTimeTokens {

    private final Map<String, OneTimeToken> byToken = new HashMap<>();
    private final Clock clock;

    OneTimeTokens(Clock clock) {
        this.clock = clock;
    }

    /** Stores {@code token}, usable for {@code lifetime} from now, and returns its record. */
    OneTimeToken issue(String token, OneTimeToken.Kind kind, String userId, String email, Duration lifetime) {
        OneTimeToken t = new OneTimeToken();
        t.kind = kind;
        t.userId = userId;
        t.email = email;
        t.expiresAt = clock.instant().plus(lifetime);
        byToken.put(token, t);
        return t;
    }

    /** The token's record when it is of this kind, unused and unexpired. */
    Optional<OneTimeToken> find(String token, OneTimeToken.Kind kind) {
        OneTimeToken t = token == null ? null : byToken.get(token);
        if (t == null || t.kind != kind || t.used || !clock.instant().isBefore(t.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    /**
     * Like {@link #find}, for the calls that answer an unusable token with LoginRocket's error.
     *
     * @throws ApiError 422 {@code token.invalid}
     */
    OneTimeToken usable(String token, OneTimeToken.Kind kind) {
        return find(token, kind).orElseThrow(() -> ApiError.invalid("token.invalid"));
    }

    void clear() {
        byToken.clear();
    }
}
