package io.github.lrjakarta.servlet.internal;

import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Recovers the session id of a genuine but expired token, so that a session that is still alive
 * at LoginRocket can be refreshed instead of the user being bounced.
 *
 * <p>The token verifier reports an expired token without its session, by design. Rather than
 * trusting an unverified {@code sid}, this verifies the token <em>as of one second before its
 * expiry</em>: a second verifier reads the time from a clock set per call to that instant, so the
 * signature, issuer, realm and every time claim are checked as they were while the token was
 * valid. The untrusted {@code exp} is only used to pick that instant, and only if it lies within
 * {@code window} before now. LoginRocket then decides whether the session is still alive.
 */
public final class ExpiredTokens {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    /** A clock whose time is set per thread for the duration of one verification. */
    public static final class PointInTimeClock extends Clock {
        private final ThreadLocal<Instant> at = new ThreadLocal<>();
        private final Clock fallback;

        public PointInTimeClock(Clock fallback) {
            this.fallback = fallback;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant t = at.get();
            return t != null ? t : fallback.instant();
        }
    }

    private final LoginRocketTokenVerifier verifier;
    private final PointInTimeClock clock;
    private final Clock now;
    private final Duration window;

    /**
     * @param verifier a verifier built with {@code clock} and no cache
     * @param clock the clock the verifier reads
     * @param now the real clock
     * @param window how long after expiry a token still counts
     */
    public ExpiredTokens(LoginRocketTokenVerifier verifier, PointInTimeClock clock, Clock now, Duration window) {
        this.verifier = verifier;
        this.clock = clock;
        this.now = now;
        this.window = window;
    }

    /** The session of a genuine token that expired less than {@code window} ago; empty otherwise. */
    public Optional<LoginRocketSession> verifyExpired(String token) {
        Instant exp = untrustedExpiry(token);
        if (exp == null) {
            return Optional.empty();
        }
        Instant current = now.instant();
        if (exp.isAfter(current) || exp.plus(window).isBefore(current)) {
            return Optional.empty();
        }
        clock.at.set(exp.minusSeconds(1));
        try {
            TokenVerification v = verifier.verify(token);
            return v.session();
        } finally {
            clock.at.remove();
        }
    }

    static Instant untrustedExpiry(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || second - first > 8192) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                java.nio.charset.StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            JsonValue exp = claims.get("exp");
            return exp instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValueExact()) : null;
        } catch (RuntimeException e) {
            // Garbage in a token is the client's problem: no session, no error.
            return null;
        }
    }
}
