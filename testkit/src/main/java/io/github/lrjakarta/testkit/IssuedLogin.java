package io.github.lrjakarta.testkit;

/**
 * A login the emulator created directly (see {@link LoginRocketEmulator#issueLogin(String, String)}):
 * the same three values a {@code full_login} response carries.
 *
 * @param sessionId the new session ({@code kss_…})
 * @param account   the selected account ({@code org_…})
 * @param token     the signed login token (JWT)
 * @since 0.1
 */
public record IssuedLogin(String sessionId, String account, String token) {

    /** Keeps credentials out of test output. */
    @Override
    public String toString() {
        return "IssuedLogin[account=" + account + "]";
    }
}
