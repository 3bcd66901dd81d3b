package io.github.lrjakarta.testkit;

import io.github.lrjakarta.testkit.internal.EmulatorServer;
import io.github.lrjakarta.testkit.internal.HeldResponses;
import io.github.lrjakarta.testkit.internal.RateLimiter;
import io.github.lrjakarta.testkit.internal.RealmState;
import io.github.lrjakarta.testkit.internal.SelfSignedTls;
import io.github.lrjakarta.testkit.internal.SigningKeys;
import io.github.lrjakarta.testkit.internal.TestControls;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * An embedded LoginRocket: one realm, served over real HTTP (or HTTPS) on 127.0.0.1, that answers
 * the LoginRocket API as {@code loginrocket-api.md} describes it, so clients, filters and whole
 * applications can be tested without the network.
 *
 * <h2>Server</h2>
 * The server is the JDK's own {@code com.sun.net.httpserver} (HttpServer/HttpsServer), not Jetty or
 * Tomcat: the testkit then adds no server dependency to a user's test classpath and cannot clash with
 * the Jetty or Tomcat version of the user's own container in the same test. Handlers run on a
 * bounded thread pool ({@link Builder#threads(int)}, default 16). The server binds to
 * {@code 127.0.0.1}; port 0 (the default) picks a free port.
 *
 * <h2>What it serves</h2>
 * The eleven {@code /v2/} calls, the key set at {@code /connect/jwks}, a minimal LoginRocket Web
 * login and logout, and test controls under {@code /_emulator/}. What each of them answers, the
 * realm's rules and the faults on the wire are specified in the testkit's {@code README.md}, not
 * here, so there is one description to keep true.
 *
 * <h2>Test controls</h2>
 * {@link #outbox()}, {@link #faults()}, {@link #clock()}, {@link #recordedRequests()} and
 * {@link #reset()} in Java; the same over HTTP under {@code /_emulator/} for tests in other
 * languages or processes.
 *
 * <p>Thread-safe. Start with {@link #start()} or {@link #builder()}; {@link #close()} stops it.
 *
 * @since 0.1
 */
public final class LoginRocketEmulator implements AutoCloseable {

    /** Requests kept by {@link #requests()}; older ones are dropped ({@link #requestCount} still counts them). */
    public static final int MAX_RECORDED_REQUESTS = RecordedRequests.MAX_RECORDED;

    private final EmulatorFixture fixture;
    private final EmulatorClock clock;
    private final Outbox outbox = new Outbox();
    private final HeldResponses held = new HeldResponses();
    private final Faults faults = new Faults(held::releaseAll);
    private final SigningKeys keys;
    private final RealmState realm;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final SelfSignedTls tls;
    private final EmulatorServer server;
    private final RecordedRequests requests = new RecordedRequests();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoginRocketEmulator(Builder b) {
        this.fixture = b.resolveFixture();
        this.clock = new EmulatorClock(b.clock);
        this.keys = new SigningKeys(b.keyPair, b.kid);
        this.realm = new RealmState(fixture, keys, clock, outbox::add);
        rateLimiter.setRules(fixture.realm().rateLimits());
        this.tls = b.tls ? SelfSignedTls.generate() : null;
        this.server = new EmulatorServer(b.port, tls == null ? null : tls.serverContext(), b.threads, realm, keys, clock,
                rateLimiter, new TestControls(outbox, faults, faults::take, clock, requests, requests::add, this::reset),
                held);
    }

    /** A builder: sample realm, plain http, free port, generated key, system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with the sample realm over plain http on a free port. */
    public static LoginRocketEmulator start() {
        return builder().start();
    }

    /** The sample realm fixture (see {@link EmulatorFixture#sample()}). */
    public static EmulatorFixture sampleRealm() {
        return EmulatorFixture.sample();
    }

    // ---------------------------------------------------------------- addresses

    /** The realm's LoginRocket URL, e.g. {@code http://127.0.0.1:41234} (no {@code /v2/}, no trailing slash). */
    public String url() {
        return server.url();
    }

    /** {@link #url()} + {@code /v2/}. */
    public String apiUrl() {
        return server.url() + "/v2/";
    }

    /** {@link #url()} + {@code /connect/jwks}. */
    public String jwksUrl() {
        return server.url() + "/connect/jwks";
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Whether the emulator serves https. */
    public boolean isTls() {
        return tls != null;
    }

    /**
     * An SSLContext that trusts exactly the emulator's self-signed certificate (for 127.0.0.1 and
     * localhost), for clients under test.
     *
     * @throws IllegalStateException when the emulator runs without TLS
     */
    public SSLContext clientSslContext() {
        return requireTls().clientContext();
    }

    /** The self-signed server certificate (TLS mode only). */
    public X509Certificate certificate() {
        return requireTls().certificate();
    }

    private SelfSignedTls requireTls() {
        if (tls == null) {
            throw new IllegalStateException("this emulator serves plain http; build it with tls(true) for https");
        }
        return tls;
    }

    // ---------------------------------------------------------------- realm

    /** The fixture the emulator started from (and returns to on {@link #reset()}). */
    public EmulatorFixture fixture() {
        return fixture;
    }

    /** The realm id ({@code rl_…}), the tokens' {@code rid}. */
    public String realmId() {
        return realm.realmId();
    }

    /**
     * The id of a user by e-mail, username or id.
     *
     * @throws IllegalArgumentException when there is no such user
     */
    public String userId(String emailOrUsername) {
        return realm.userId(emailOrUsername)
                .orElseThrow(() -> new IllegalArgumentException("no user " + emailOrUsername + " in the realm"));
    }

    /**
     * The id of an org by name.
     *
     * @throws IllegalArgumentException when no user belongs to such an org
     */
    public String orgId(String orgName) {
        return realm.orgId(orgName).orElseThrow(() -> new IllegalArgumentException("no org " + orgName + " in the realm"));
    }

    /** A snapshot of a session, if the id was ever issued (also after it ended). */
    public Optional<SessionInfo> session(String sessionId) {
        return realm.session(sessionId);
    }

    /** Creates an invitation for an address (what a realm admin does), mails it, and returns its token. */
    public String invite(String email) {
        return realm.invite(email);
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Logs a fixture user in directly, with a new session, and returns the login token. The account
     * is the user's first membership (created in single-user realms if the user has none).
     *
     * @param emailOrUserId e-mail, username or {@code usr_…} id
     * @throws IllegalArgumentException for an unknown user
     */
    public String issueToken(String emailOrUserId) {
        return issueLogin(emailOrUserId, null).token();
    }

    /**
     * Like {@link #issueToken(String)} for a given account.
     *
     * @param account an {@code org_…} id or org name the user belongs to; {@code null} for the default
     */
    public String issueToken(String emailOrUserId, String account) {
        return issueLogin(emailOrUserId, account).token();
    }

    /** Like {@link #issueToken(String, String)}, returning the session id and account too. */
    public IssuedLogin issueLogin(String emailOrUserId, String account) {
        return realm.issueLogin(emailOrUserId, account, null);
    }

    /**
     * Signs arbitrary claims with the current key and {@code kid} (for verifier tests: wrong issuer,
     * missing claims, odd lifetimes).
     */
    public String signClaims(JsonObject claims) {
        return realm.sign(claims);
    }

    /**
     * Replaces the signing key with a new one under a new {@code kid}; {@code /connect/jwks} then
     * serves only the new key, so tokens signed before no longer verify. Returns the new kid.
     */
    public String rotateSigningKey() {
        return keys.rotate();
    }

    /** The current signing key's {@code kid}. */
    public String signingKeyId() {
        return keys.kid();
    }

    /** The current signing public key. */
    public RSAPublicKey signingPublicKey() {
        return keys.publicKey();
    }

    /** The current signing public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as a realm's {@code jwt_key}. */
    public String signingPublicKeyPem() {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    // ---------------------------------------------------------------- test controls

    /** The e-mails the realm sent. */
    public Outbox outbox() {
        return outbox;
    }

    /** Fault injection by path. */
    public Faults faults() {
        return faults;
    }

    /** The emulator's movable clock. */
    public EmulatorClock clock() {
        return clock;
    }

    /** Adds or replaces a rate limit for a path (a fresh window starts). */
    public void rateLimit(String path, RateLimit limit) {
        rateLimiter.setRule(Objects.requireNonNull(path, "path"), Objects.requireNonNull(limit, "limit"));
    }

    /** Removes the rate limit of a path. */
    public void removeRateLimit(String path) {
        rateLimiter.removeRule(path);
    }

    /**
     * The log of received requests.
     *
     * @since 0.2
     */
    public RecordedRequests recordedRequests() {
        return requests;
    }

    /** The recorded requests (all but {@code /_emulator/} controls), oldest first; see {@link RecordedRequests#all()}. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** How many requests arrived for a path; see {@link RecordedRequests#count(String)}. */
    public int requestCount(String path) {
        return requests.count(path);
    }

    /** Forgets recorded requests and counts; see {@link RecordedRequests#clear()}. */
    public void clearRequests() {
        requests.clear();
    }

    /**
     * Back to the fixture: users, orgs, passwords, sessions, tokens, lockouts and invitations as at
     * start; outbox, faults and recorded requests emptied (requests held by a fault closed); rate limits back to the fixture's, with
     * fresh windows; clock moves undone. The signing key stays (a rotated key is not rolled back), so
     * verifiers that cached it keep working.
     */
    public void reset() {
        realm.reset();
        outbox.clear();
        faults.clear();
        clearRequests();
        rateLimiter.setRules(fixture.realm().rateLimits());
        clock.resetOffset();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "LoginRocketEmulator[" + url() + ", realm " + fixture.realm().name() + "]";
    }

    /**
     * Configures and starts an emulator. Defaults: the sample realm (unless a fixture, realm or user
     * is given), port 0 (free), plain http, a generated RSA-2048 signing key with a random
     * {@code jk_…} kid, the system clock, 16 handler threads. Not thread-safe.
     */
    public static final class Builder {
        private EmulatorFixture fixture;
        private RealmFixture realm;
        private final List<UserFixture> users = new ArrayList<>();
        private int port;
        private boolean tls;
        private KeyPair keyPair;
        private String kid;
        private Clock clock = Clock.systemUTC();
        private int threads = 16;

        private Builder() {
        }

        /** Realm and users from a JSON fixture file (see {@link EmulatorFixture}). */
        public Builder fixture(Path file) {
            this.fixture = EmulatorFixture.read(file);
            return this;
        }

        /** Realm and users from a JSON fixture stream (not closed). */
        public Builder fixture(InputStream json) {
            this.fixture = EmulatorFixture.read(json);
            return this;
        }

        /** Realm and users. */
        public Builder fixture(EmulatorFixture fixture) {
            this.fixture = Objects.requireNonNull(fixture, "fixture");
            return this;
        }

        /** The sample realm (the default when nothing else is given). */
        public Builder sampleRealm() {
            this.fixture = EmulatorFixture.sample();
            return this;
        }

        /** Realm settings; replaces the fixture's realm settings, keeps its users. */
        public Builder realm(RealmFixture realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
            return this;
        }

        /** Adds users (to the fixture's, if a fixture was given). */
        public Builder user(UserFixture... users) {
            this.users.addAll(List.of(users));
            return this;
        }

        /** The port; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Serve https with a generated self-signed certificate (see {@link #clientSslContext()}). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Sign tokens with this RSA key pair under this {@code kid}. */
        public Builder signingKey(KeyPair keyPair, String kid) {
            this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
            this.kid = Objects.requireNonNull(kid, "kid");
            return this;
        }

        /** The base clock the {@link EmulatorClock} moves from (e.g. {@code Clock.fixed(...)} for a frozen time). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Handler threads (default 16). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        EmulatorFixture resolveFixture() {
            EmulatorFixture base = fixture;
            if (base == null) {
                base = realm == null && users.isEmpty()
                        ? EmulatorFixture.sample() : EmulatorFixture.of(RealmFixture.builder().build(), List.of());
            }
            List<UserFixture> all = new ArrayList<>(base.users());
            all.addAll(users);
            return EmulatorFixture.of(realm != null ? realm : base.realm(), all);
        }

        /** Builds and starts the emulator. */
        public LoginRocketEmulator start() {
            return new LoginRocketEmulator(this);
        }
    }
}
