package io.github.lrjakarta.testkit.internal;

import io.github.lrjakarta.testkit.EmulatorFixture;
import io.github.lrjakarta.testkit.IssuedLogin;
import io.github.lrjakarta.testkit.LoginTokenClaims;
import io.github.lrjakarta.testkit.OrgFixture;
import io.github.lrjakarta.testkit.OrgMode;
import io.github.lrjakarta.testkit.OutboxMessage;
import io.github.lrjakarta.testkit.RealmFixture;
import io.github.lrjakarta.testkit.SessionInfo;
import io.github.lrjakarta.testkit.SignupMode;
import io.github.lrjakarta.testkit.UserFixture;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The emulated realm's data and rules: users, orgs, sessions, one-time tokens, lockouts. Every
 * operation is one LoginRocket call; it returns a {@link LoginOutcome} (or nothing, for the calls
 * that answer {@code okay}) or throws {@link ApiError}. The route layer writes the answers.
 * Thread-safe: every public method holds this object's lock, so each call sees and leaves a
 * consistent realm (calls are short; token signing is about a millisecond).
 */
public final class RealmState {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final SigningKeys keys;
    private final Clock clock;
    private final Consumer<OutboxMessage> mailer;
    private EmulatorFixture fixture;
    private RealmFixture realm;
    private String realmId;

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Org> fixtureOrgsByName = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final OneTimeTokens tokens;
    private final Set<String> invitationRequests = new HashSet<>();

    public RealmState(EmulatorFixture fixture, SigningKeys keys, Clock clock, Consumer<OutboxMessage> mailer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new OneTimeTokens(clock);
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        load(fixture);
    }

    /** Replaces all state with the fixture's. */
    public synchronized void load(EmulatorFixture newFixture) {
        this.fixture = Objects.requireNonNull(newFixture, "fixture");
        this.realm = newFixture.realm();
        this.realmId = realm.id().orElseGet(() -> Ids.stable("rl_", "realm|" + realm.name()));
        users.clear();
        fixtureOrgsByName.clear();
        sessions.clear();
        tokens.clear();
        invitationRequests.clear();
        for (UserFixture f : newFixture.users()) {
            User u = new User();
            u.id = f.id().orElseGet(() -> Ids.stable("usr_", realmId + "|" + f.email().toLowerCase(Locale.ROOT)));
            u.email = f.email();
            u.password = f.password();
            u.firstName = f.firstName().orElse(null);
            u.lastName = f.lastName().orElse(null);
            u.username = f.username().orElse(null);
            u.locale = f.locale();
            u.emailVerified = f.emailVerified();
            u.reference = f.reference().orElse(null);
            u.custom = f.custom();
            u.mfa = f.mfa();
            u.totpCode = f.totpCode();
            if (findUser(u.email) != null || (u.username != null && findUser(u.username) != null)) {
                throw new IllegalArgumentException("fixture lists two users with e-mail or username of " + f.email());
            }
            for (OrgFixture of : f.orgs()) {
                Org org = fixtureOrgsByName.computeIfAbsent(of.name(), name -> new Org(
                        of.id().orElseGet(() -> Ids.stable("org_", realmId + "|" + name)), name,
                        of.reference().orElse(null), of.custom()));
                u.memberships.add(new Membership(Ids.stable("mb_", u.id + "|" + org.id()), org, of.permissions()));
            }
            users.put(u.id, u);
        }
    }

    /** Back to the fixture this state was created (or last loaded) with. */
    public synchronized void reset() {
        load(fixture);
    }

    public synchronized RealmFixture realm() {
        return realm;
    }

    public synchronized String realmId() {
        return realmId;
    }

    // ---------------------------------------------------------------- the eleven /v2/ calls

    /** {@code POST /v2/login}. */
    public synchronized LoginOutcome login(String identifier, String password, String account, String client) {
        User user = identifier == null ? null : findUser(identifier);
        if (user == null || password == null) {
            throw ApiError.invalid("login.failed");
        }
        Instant now = clock.instant();
        if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
            throw ApiError.invalid("login.locked");
        }
        if (!user.password.equals(password)) {
            user.failures++;
            if (user.failures >= realm.lockoutAttempts()) {
                user.failures = 0;
                user.lockedUntil = now.plus(Duration.ofMinutes(realm.lockoutMinutes()));
                throw ApiError.invalid("login.locked");
            }
            throw ApiError.invalid("login.failed");
        }
        user.failures = 0;
        user.lockedUntil = null;
        if (user.mfa) {
            String pending = "tmf:" + Ids.randomChars(24);
            OneTimeToken t = tokens.issue(pending, OneTimeToken.Kind.MFA, user.id, null, MFA_TOKEN_LIFETIME);
            t.account = account; // the preferred account travels with the pending login
            return new LoginOutcome.CodeNeeded(pending);
        }
        Session session = newSession(user, client);
        return select(session, preferred(user, account));
    }

    /** {@code POST /v2/login/verify}: the second step of an MFA login. */
    public synchronized LoginOutcome verifyLogin(String token, String code, String account, String client) {
        OneTimeToken t = tokens.usable(token, OneTimeToken.Kind.MFA);
        User user = users.get(t.userId);
        if (code == null || !user.totpCode.equals(code.strip())) {
            throw ApiError.invalid("login.verify_failed");
        }
        t.used = true;
        Session session = newSession(user, client);
        return select(session, preferred(user, account != null ? account : t.account));
    }

    /** {@code GET /v2/session}, optionally selecting or switching the account. */
    public synchronized LoginOutcome getSession(String sessionId, String account) {
        Session session = activeSession(sessionId);
        if (account != null && !account.isBlank() && membership(session.user, account) == null) {
            throw ApiError.invalid("account.invalid");
        }
        if (account != null && account.isBlank()) {
            session.account = null; // a blank account forces re-selection, as on LoginRocket Web
        }
        if (realm.orgMode() == OrgMode.MULTI_USER && (account == null || account.isBlank())) {
            // In a multi-user realm LoginRocket names no account unless the call selects one
            // (conditional_login, account null, no_account_selected): a refresh must pass it.
            return new LoginOutcome.AccountNeeded(session.id);
        }
        return select(session, account == null || account.isBlank() ? null : account);
    }

    /** {@code DELETE /v2/session}. */
    public synchronized void logout(String sessionId) {
        activeSession(sessionId).ended = true;
    }

    /**
     * {@code POST /v2/password/forgot}. Unknown addresses also get {@code okay} (the real service's
     * choice is unknown; answering the same way does not reveal who has an account).
     */
    public synchronized void forgotPassword(String email) {
        if (email == null || email.isBlank()) {
            throw ApiError.invalid("email.blank");
        }
        User user = findUser(email);
        if (user != null) {
            String token = "tpw:" + Ids.randomChars(24);
            tokens.issue(token, OneTimeToken.Kind.PASSWORD_RESET, user.id, user.email,
                    Duration.ofMinutes(realm.resetTokenMinutes()));
            mailer.accept(new OutboxMessage(user.email, OutboxMessage.Type.PASSWORD_RESET, token,
                    "Reset your " + realm.name() + " password", clock.instant()));
        }
    }

    /** {@code POST /v2/password/reset}: sets the password and logs the user in. */
    public synchronized LoginOutcome resetPassword(String token, String password, String confirmation, String client) {
        OneTimeToken t = tokens.usable(token, OneTimeToken.Kind.PASSWORD_RESET);
        List<ApiError.Message> errors = new ArrayList<>();
        checkPassword(password, confirmation, errors);
        fail(errors);
        t.used = true;
        User user = users.get(t.userId);
        user.password = password;
        user.failures = 0;
        user.lockedUntil = null;
        return select(newSession(user, client), null);
    }

    /** {@code POST /v2/profile/password}. */
    public synchronized void updatePassword(String sessionId, String current, String password, String confirmation) {
        Session session = activeSession(sessionId);
        if (current == null || !session.user.password.equals(current)) {
            throw ApiError.invalid("password.current_mismatch");
        }
        List<ApiError.Message> errors = new ArrayList<>();
        checkPassword(password, confirmation, errors);
        fail(errors);
        session.user.password = password;
    }

    /**
     * {@code PUT /v2/profile}: updates {@code email}, {@code first_name}, {@code last_name},
     * {@code username}, {@code locale}, {@code password} (with {@code password_confirmation}); other
     * fields are ignored. A new e-mail address becomes unverified and gets a verification message.
     * Returns a new login token with the changed claims.
     */
    public synchronized LoginOutcome updateProfile(String sessionId, Map<String, String> fields) {
        Session session = activeSession(sessionId);
        User user = session.user;
        List<ApiError.Message> errors = new ArrayList<>();
        String email = fields.get("email");
        boolean emailChanged = email != null && !email.equalsIgnoreCase(user.email);
        if (emailChanged) {
            checkNewEmail(email, errors);
        }
        String username = blankToNull(fields.get("username"));
        boolean usernameChanged = fields.containsKey("username") && !Objects.equals(username, user.username);
        if (usernameChanged && username != null) {
            User other = findUser(username);
            if (other != null && other != user) {
                errors.add(new ApiError.Message("username.taken"));
            }
        }
        if (fields.containsKey("password")) {
            checkPassword(fields.get("password"), fields.get("password_confirmation"), errors);
        }
        fail(errors);
        if (emailChanged) {
            user.email = email;
            user.emailVerified = false;
            sendVerification(user);
        }
        if (usernameChanged) {
            user.username = username;
        }
        if (fields.containsKey("first_name")) {
            user.firstName = blankToNull(fields.get("first_name"));
        }
        if (fields.containsKey("last_name")) {
            user.lastName = blankToNull(fields.get("last_name"));
        }
        if (fields.get("locale") != null && !fields.get("locale").isBlank()) {
            user.locale = fields.get("locale");
        }
        if (fields.containsKey("password")) {
            user.password = fields.get("password");
        }
        return select(session, null);
    }

    /**
     * {@code POST /v2/signup/request}: only in invitation realms. A second request for the same
     * address is a 409 conflict (the emulator's choice).
     */
    public synchronized void requestInvitation(String email) {
        if (realm.signup() != SignupMode.INVITATION) {
            throw ApiError.invalid("signup.not_invitation");
        }
        List<ApiError.Message> errors = new ArrayList<>();
        checkNewEmail(email, errors);
        fail(errors);
        if (!invitationRequests.add(email.toLowerCase(Locale.ROOT))) {
            throw ApiError.of(409, "invitation.already_requested");
        }
        mailer.accept(new OutboxMessage(email, OutboxMessage.Type.INVITATION_REQUEST, null,
                "We received your request to join " + realm.name(), clock.instant()));
    }

    /** Creates an invitation (what a realm admin does) and mails its token; returns the token. */
    public synchronized String invite(String email) {
        List<ApiError.Message> errors = new ArrayList<>();
        checkNewEmail(email, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("cannot invite " + email + ": " + errors.get(0).key());
        }
        String token = Ids.random("nvt_");
        tokens.issue(token, OneTimeToken.Kind.INVITATION, null, email, Duration.ofMinutes(realm.verifyTokenMinutes()));
        mailer.accept(new OutboxMessage(email, OutboxMessage.Type.INVITATION, token,
                "You are invited to " + realm.name(), clock.instant()));
        return token;
    }

    /**
     * {@code POST /v2/signup}: {@code email}, {@code password}, optional {@code password_confirmation},
     * {@code first_name}, {@code last_name}, {@code username}, {@code locale}, {@code org_name} (creates
     * and selects that account), {@code invitation} (required in invitation realms). The new address
     * is unverified (a verification message is sent) unless an invitation proved it.
     */
    public synchronized LoginOutcome signup(Map<String, String> p, String client) {
        if (realm.signup() == SignupMode.CLOSED) {
            throw ApiError.invalid("signup.closed");
        }
        String email = p.get("email");
        OneTimeToken invitation = null;
        if (realm.signup() == SignupMode.INVITATION) {
            invitation = tokens.find(p.get("invitation"), OneTimeToken.Kind.INVITATION)
                    .filter(t -> email != null && t.email.equalsIgnoreCase(email))
                    .orElseThrow(() -> ApiError.invalid("signup.invitation_required"));
        }
        List<ApiError.Message> errors = new ArrayList<>();
        checkNewEmail(email, errors);
        String username = blankToNull(p.get("username"));
        if (username != null && findUser(username) != null) {
            errors.add(new ApiError.Message("username.taken"));
        }
        checkPassword(p.get("password"), p.get("password_confirmation"), errors);
        fail(errors);
        User user = new User();
        user.id = Ids.random("usr_");
        user.email = email;
        user.password = p.get("password");
        user.firstName = blankToNull(p.get("first_name"));
        user.lastName = blankToNull(p.get("last_name"));
        user.username = username;
        user.locale = p.get("locale") == null || p.get("locale").isBlank() ? "en" : p.get("locale");
        user.custom = JsonObject.EMPTY_JSON_OBJECT;
        user.totpCode = UserFixture.DEFAULT_TOTP_CODE;
        user.emailVerified = invitation != null;
        users.put(user.id, user);
        if (invitation != null) {
            invitation.used = true;
        } else {
            sendVerification(user);
        }
        String orgName = blankToNull(p.get("org_name"));
        String account = null;
        if (orgName != null) {
            account = addOrg(user, orgName).id();
        }
        return select(newSession(user, client), account);
    }

    /** {@code POST /v2/email/verify}. */
    public synchronized void verifyEmail(String token) {
        OneTimeToken t = tokens.usable(token, OneTimeToken.Kind.EMAIL_VERIFICATION);
        t.used = true;
        User user = users.get(t.userId);
        if (user.email.equalsIgnoreCase(t.email)) {
            user.emailVerified = true;
        }
    }

    // ---------------------------------------------------------------- LoginRocket Web and test helpers

    /**
     * A full login as LoginRocket Web completes it: the account is the requested one, else the
     * session's, else the first membership (created in single-user realms), so the result always
     * carries a token. Multi-user realms get their first membership: the emulator has no account
     * chooser page.
     */
    public synchronized IssuedLogin completeWebLogin(String sessionId, String account) {
        Session session = activeSession(sessionId);
        String wanted = preferred(session.user, account);
        if (wanted == null && session.account == null) {
            if (session.user.memberships.isEmpty()) {
                addOrg(session.user, defaultOrgName(session.user));
            }
            wanted = session.user.memberships.get(0).org().id();
        }
        if (!(select(session, wanted) instanceof LoginOutcome.FullLogin login)) {
            throw new IllegalStateException("a web login selects an account, yet none was selected");
        }
        return new IssuedLogin(login.sessionId(), login.account(), login.token());
    }

    /** Starts a session for a user directly (no password) and completes it like LoginRocket Web. */
    public synchronized IssuedLogin issueLogin(String emailOrId, String account, String client) {
        User user = findUser(emailOrId);
        if (user == null) {
            throw new IllegalArgumentException("no user with e-mail, username or id " + emailOrId + " in the realm");
        }
        String wanted = account;
        if (account != null && membership(user, account) == null) {
            Membership byName = user.memberships.stream().filter(m -> m.org().name().equals(account)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(emailOrId + " is no member of account " + account));
            wanted = byName.org().id();
        }
        return completeWebLogin(newSession(user, client).id, wanted);
    }

    /** Ends a session if it exists; no error when it does not. */
    public synchronized void endSession(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s != null) {
            s.ended = true;
        }
    }

    /** Whether a session id names an active session. */
    public synchronized boolean isActive(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        return s != null && !s.ended && clock.instant().isBefore(s.expiresAt);
    }

    public synchronized Optional<SessionInfo> session(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        boolean active = !s.ended && clock.instant().isBefore(s.expiresAt);
        return Optional.of(new SessionInfo(s.id, s.user.id, s.account, s.client, s.createdAt, s.expiresAt, active));
    }

    /** The id of a user by e-mail, username or id. */
    public synchronized Optional<String> userId(String emailOrUsername) {
        User u = findUser(emailOrUsername);
        return u == null ? Optional.empty() : Optional.of(u.id);
    }

    /** The id of a fixture org by name, or of any org some user belongs to. */
    public synchronized Optional<String> orgId(String name) {
        Org org = fixtureOrgsByName.get(name);
        if (org != null) {
            return Optional.of(org.id());
        }
        return users.values().stream().flatMap(u -> u.memberships.stream()).map(Membership::org)
                .filter(o -> o.name().equals(name)).map(Org::id).findFirst();
    }

    /** Signs arbitrary claims with the current key (for tests of verifiers). */
    public String sign(JsonObject claims) {
        return keys.sign(claims);
    }

    // ---------------------------------------------------------------- internals

    private Session newSession(User user, String client) {
        Session s = new Session();
        s.id = Ids.random("kss_");
        s.user = user;
        s.client = client;
        s.createdAt = clock.instant();
        s.expiresAt = s.createdAt.plus(Duration.ofMinutes(realm.sessionMinutes()));
        sessions.put(s.id, s);
        return s;
    }

    private Session activeSession(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null || s.ended || !clock.instant().isBefore(s.expiresAt)) {
            throw ApiError.sessionInvalid();
        }
        return s;
    }

    /** An account the user may select, or null (unknown preferred accounts are ignored). */
    private String preferred(User user, String account) {
        return account != null && membership(user, account) != null ? account : null;
    }

    /**
     * Applies the realm's account rules to a session and answers: {@code full_login} with a new
     * token once an account is selected, else {@code conditional_login} + {@code no_account_selected}.
     * The session remembers its selection for single-user realms; in multi-user realms {@code
     * GET /v2/session} without {@code account} answers {@code conditional_login}.
     */
    private LoginOutcome select(Session session, String account) {
        User user = session.user;
        if (account != null) {
            session.account = account;
        } else if (session.account == null || membership(user, session.account) == null) {
            session.account = null;
            if (realm.orgMode() == OrgMode.SINGLE_USER) {
                if (user.memberships.isEmpty()) {
                    addOrg(user, defaultOrgName(user));
                }
                session.account = user.memberships.get(0).org().id();
            }
        }
        if (session.account == null) {
            return new LoginOutcome.AccountNeeded(session.id);
        }
        return new LoginOutcome.FullLogin(session.id, session.account, mint(session));
    }

    private String mint(Session session) {
        return keys.sign(claims(session).toJson());
    }

    private LoginTokenClaims claims(Session session) {
        User u = session.user;
        Membership m = membership(u, session.account);
        Instant now = clock.instant();
        Instant exp = Instant.ofEpochSecond(Math.min(now.getEpochSecond() + realm.jwtMinutes() * 60L,
                session.expiresAt.getEpochSecond()));
        return LoginTokenClaims.builder().subject(u.id).sessionId(session.id).realmId(realmId)
                .issuedAt(now).expiresAt(exp).givenName(u.firstName).familyName(u.lastName).username(u.username)
                .email(u.email).emailVerified(u.emailVerified).locale(u.locale).reference(u.reference).custom(u.custom)
                .membership(m.id(), m.org().id(), m.org().name(), m.permissions())
                .orgAttributes(m.org().reference(), m.org().custom())
                .build();
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    private Membership membership(User user, String orgId) {
        for (Membership m : user.memberships) {
            if (m.org().id().equals(orgId)) {
                return m;
            }
        }
        return null;
    }

    /** A new account owned by the user, as single-user realms create on first login. */
    private Org addOrg(User user, String name) {
        Org org = new Org(Ids.random("org_"), name, null, JsonObject.EMPTY_JSON_OBJECT);
        user.memberships.add(new Membership(Ids.random("mb_"), org, List.of()));
        return org;
    }

    private static String defaultOrgName(User user) {
        String name = String.join(" ", nonNull(user.firstName, user.lastName));
        return name.isEmpty() ? user.email : name;
    }

    private User findUser(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        User byId = users.get(identifier);
        if (byId != null) {
            return byId;
        }
        for (User u : users.values()) {
            if (u.email.equalsIgnoreCase(identifier) || (u.username != null && u.username.equalsIgnoreCase(identifier))) {
                return u;
            }
        }
        return null;
    }

    private void sendVerification(User user) {
        String token = "tve:" + Ids.randomChars(24);
        tokens.issue(token, OneTimeToken.Kind.EMAIL_VERIFICATION, user.id, user.email,
                Duration.ofMinutes(realm.verifyTokenMinutes()));
        mailer.accept(new OutboxMessage(user.email, OutboxMessage.Type.EMAIL_VERIFICATION, token,
                "Verify your e-mail address for " + realm.name(), clock.instant()));
    }

    private void checkNewEmail(String email, List<ApiError.Message> errors) {
        if (email == null || email.isBlank()) {
            errors.add(new ApiError.Message("email.blank"));
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add(new ApiError.Message("email.invalid"));
        } else if (findUser(email) != null) {
            errors.add(new ApiError.Message("email.taken"));
        }
    }

    private void checkPassword(String password, String confirmation, List<ApiError.Message> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new ApiError.Message("password.blank"));
            return;
        }
        if (password.length() < realm.passwordMinLength()) {
            errors.add(new ApiError.Message("password.too_short", realm.passwordMinLength()));
        }
        if (confirmation == null) {
            if (realm.requirePasswordConfirmation()) {
                errors.add(new ApiError.Message("password.confirmation_required"));
            }
        } else if (!confirmation.equals(password)) {
            errors.add(new ApiError.Message("password.confirmation"));
        }
    }

    private static void fail(List<ApiError.Message> errors) {
        if (!errors.isEmpty()) {
            throw new ApiError(422, errors, Map.of());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
