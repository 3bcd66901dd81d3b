package io.github.lrjakarta.testkit.internal;

/**
 * What a login step of the realm ends in, before it is written as JSON (the route layer's job,
 * {@link ApiRoutes#toJson(LoginOutcome)}) or as a redirect ({@link WebPages}).
 */
sealed interface LoginOutcome {

    /** A session with a selected account and a login token: {@code full_login}. */
    record FullLogin(String sessionId, String account, String token) implements LoginOutcome {
    }

    /** A session of a multi-user realm that waits for an account: {@code conditional_login}, {@code no_account_selected}. */
    record AccountNeeded(String sessionId) implements LoginOutcome {
    }

    /** A correct password of an MFA user, no session yet: {@code conditional_login}, {@code must_verify_totp}. */
    record CodeNeeded(String pendingToken) implements LoginOutcome {
    }
}
