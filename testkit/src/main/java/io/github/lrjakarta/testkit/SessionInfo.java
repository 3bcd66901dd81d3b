package io.github.lrjakarta.testkit;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one emulated LoginRocket session, for assertions (for example that the session
 * recorded the end user's browser as its client). Immutable.
 *
 * @param id        session id ({@code kss_…})
 * @param userId    the user ({@code usr_…})
 * @param account   the selected account ({@code org_…}), or {@code null} when none is selected yet
 * @param client    the client recorded at login: the {@code User-Agent} header (else {@code LR-Agent}), or {@code null}
 * @param createdAt emulator-clock creation time
 * @param expiresAt emulator-clock expiry ({@code session_minutes} after creation)
 * @param active    {@code false} once logged out or expired
 * @since 0.1
 */
public record SessionInfo(String id, String userId, String account, String client, Instant createdAt,
                          Instant expiresAt, boolean active) {

    /** The selected account, if any. */
    public Optional<String> accountIfSelected() {
        return Optional.ofNullable(account);
    }

    /** Leaves the session id out of test output. */
    @Override
    public String toString() {
        return "SessionInfo[userId=" + userId + ", account=" + account + ", client=" + client
                + ", active=" + active + "]";
    }
}
