package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.clientFor;
import static io.github.lrjakarta.core.ClientTestSupport.jsonBody;
import static io.github.lrjakarta.core.ClientTestSupport.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.core.internal.UserAgents;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.github.lrjakarta.testkit.NetworkFaults;
import io.github.lrjakarta.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport rules of the seed, each checked on what the emulator actually received. */
class ClientTransportTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().resetBeforeEach(true).build();

    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static LoginRocketClient plain;

    @BeforeAll
    static void startClient() {
        plain = clientFor(LR.emulator()).build();
    }

    @AfterAll
    static void closeClient() {
        plain.close();
    }

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    @Test
    void everyRequestAcceptsJson() {
        String session = plain.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        plain.getSession(session);
        plain.logout(session);
        assertThat(emulator().requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Accept")).contains("application/json"));
    }

    @Test
    void noAcceptLanguageWithoutALocale() {
        plain.login(DANA, DANA_PASSWORD);
        assertThat(last(emulator(), "/v2/login").header("Accept-Language")).isEmpty();
    }

    @Test
    void acceptLanguageFromClientThenCallContextThenCallOptions() {
        try (LoginRocketClient es = clientFor(emulator()).locale(Locale.forLanguageTag("es")).build()) {
            es.login(DANA, DANA_PASSWORD);
            assertThat(last(emulator(), "/v2/login").header("Accept-Language")).contains("es");

            try (CallContext.Scope scope = CallContext.bind(CallOptions.builder().locale(Locale.JAPANESE).build())) {
                es.login(DANA, DANA_PASSWORD);
                assertThat(last(emulator(), "/v2/login").header("Accept-Language")).contains("ja");

                es.login(LoginRequest.builder().email(DANA).password(DANA_PASSWORD).build(),
                        CallOptions.builder().locale(Locale.ENGLISH).build());
                assertThat(last(emulator(), "/v2/login").header("Accept-Language")).contains("en");
            }
            es.forgotPassword(DANA, CallOptions.builder().locale(Locale.forLanguageTag("pt-BR")).build());
            assertThat(last(emulator(), "/v2/password/forgot").header("Accept-Language")).contains("pt-BR");
        }
    }

    @Test
    void errorMessagesAreLocalizedPerCall() {
        ValidationException en = catchThrowableOfType(() -> plain.login(DANA, "wrong-password"), ValidationException.class);
        ValidationException es = catchThrowableOfType(() -> plain.login(
                        LoginRequest.builder().email(DANA).password("wrong-password").build(),
                        CallOptions.builder().locale(Locale.forLanguageTag("es")).build()),
                ValidationException.class);
        assertThat(en.messages()).isNotEmpty();
        assertThat(es.messages()).isNotEmpty().doesNotContainAnyElementsOf(en.messages());
        assertThat(es.getMessage()).contains(es.messages().get(0)).doesNotContain("wrong-password");
    }

    @Test
    void userAgentNamesTheLibraryAndTheApplication() {
        try (LoginRocketClient c = clientFor(emulator()).userAgent("billing-app/2.3").build()) {
            c.login(DANA, DANA_PASSWORD);
        }
        RecordedRequest sent = last(emulator(), "/v2/login");
        String library = "loginrocket-jakarta/" + UserAgents.version() + " billing-app/2.3";
        assertThat(sent.header("User-Agent")).contains(library);
        assertThat(sent.header("LR-Agent")).contains(library);
        assertThat(UserAgents.version()).isNotEqualTo("unknown");
    }

    @Test
    void endUserAgentIsForwardedAsUserAgentAndTheLibraryMovesToLrAgent() {
        String session = plain.login(LoginRequest.builder().email(DANA).password(DANA_PASSWORD).build(),
                CallOptions.builder().endUserAgent(BROWSER).build()).sessionId().orElseThrow();
        RecordedRequest sent = last(emulator(), "/v2/login");
        assertThat(sent.header("User-Agent")).contains(BROWSER);
        assertThat(sent.header("LR-Agent")).get().asString().startsWith("loginrocket-jakarta/");
        // LoginRocket records the forwarded agent as the session's client
        assertThat(emulator().session(session).orElseThrow().client()).isEqualTo(BROWSER);

        try (CallContext.Scope scope = CallContext.bind(CallOptions.builder().endUserAgent("Bound/1.0").build())) {
            plain.getSession(session);
        }
        assertThat(last(emulator(), "/v2/session").header("User-Agent")).contains("Bound/1.0");

        plain.getSession(session);
        assertThat(last(emulator(), "/v2/session").header("User-Agent")).get().asString()
                .startsWith("loginrocket-jakarta/");
    }

    @Test
    void withoutABrowserTheSessionRecordsTheLibrary() {
        String session = plain.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        assertThat(emulator().session(session).orElseThrow().client()).startsWith("loginrocket-jakarta/");
    }

    @Test
    void jsonBodiesByDefault() {
        plain.login(DANA, DANA_PASSWORD);
        RecordedRequest sent = last(emulator(), "/v2/login");
        assertThat(sent.header("Content-Type")).get().asString().startsWith("application/json");
        assertThat(jsonBody(sent).getString("password")).isEqualTo(DANA_PASSWORD);
    }

    @Test
    void formBodiesWhenAskedFor() {
        try (LoginRocketClient form = clientFor(emulator()).bodyEncoding(BodyEncoding.FORM).build()) {
            LoginResult r = form.login(DANA, DANA_PASSWORD);
            assertThat(r.isFullLogin()).isTrue();
            RecordedRequest sent = last(emulator(), "/v2/login");
            assertThat(sent.header("Content-Type")).contains("application/x-www-form-urlencoded");
            assertThat(sent.body()).isEqualTo("email=dana%40example.org&password=correct-horse-battery");

            String session = r.sessionId().orElseThrow();
            LoginResult changed = form.updatePassword(UpdatePasswordRequest.builder().sessionId(session)
                    .currentPassword(DANA_PASSWORD).password("form-encoded pass&=1").build());
            assertThat(changed.type()).isEqualTo(LoginResult.Type.OKAY);
            RecordedRequest pw = last(emulator(), "/v2/profile/password");
            assertThat(pw.queryParam("session")).contains(session);
            assertThat(pw.body()).doesNotContain("session").contains("password=form-encoded+pass%26%3D1");
            assertThat(form.login(DANA, "form-encoded pass&=1").isFullLogin()).isTrue();
        }
    }

    @Test
    void sessionIdTravelsOnlyInTheQuery() {
        String session = plain.login(DANA, DANA_PASSWORD).sessionId().orElseThrow();
        plain.getSession(session);
        plain.updateProfile(UpdateProfileRequest.builder().sessionId(session).lastName("R.").build());
        plain.updatePassword(UpdatePasswordRequest.builder().sessionId(session).currentPassword(DANA_PASSWORD)
                .password("another-long-pass-1").build());
        plain.logout(session);
        List<RecordedRequest> withSession = emulator().requests().stream()
                .filter(r -> !r.path().equals("/v2/login")).toList();
        assertThat(withSession).hasSize(4).allSatisfy(r -> {
            assertThat(r.queryParam("session")).contains(session);
            assertThat(r.body()).doesNotContain(session);
            assertThat(r.headers().values().stream().flatMap(List::stream)).noneMatch(v -> v.contains(session));
        });
    }

    @Test
    void baseUrlIsNormalisedToV2() {
        for (String url : List.of(emulator().url(), emulator().url() + "/", emulator().url() + "/v2",
                emulator().url() + "/v2/", emulator().url().replace("127.0.0.1", "localhost"))) {
            try (LoginRocketClient c = LoginRocketClient.builder().url(url).allowInsecureLoopback(true).build()) {
                assertThat(c.url().apiBase().toString()).endsWith(":" + emulator().port() + "/v2/");
                assertThat(c.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
            }
        }
        assertThat(emulator().requests()).hasSize(5).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v2/login"));
    }

    @Test
    void customDomainsWithAPathPrefixKeepIt() {
        try (LoginRocketClient c = LoginRocketClient.builder().url("https://login.example.com/auth").build()) {
            assertThat(c.url().apiBase().toString()).isEqualTo("https://login.example.com/auth/v2/");
        }
    }

    @Test
    void plainHttpIsRefusedUnlessLoopbackAndExplicitlyAllowed() {
        assertThatThrownBy(() -> LoginRocketClient.builder().url(emulator().url()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowInsecureLoopback(true)");
        assertThatThrownBy(() -> LoginRocketClient.builder().url("http://login.example.com").allowInsecureLoopback(true)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        LoginRocketUrl allowed = LoginRocketUrl.parse(emulator().url(), true);
        assertThatThrownBy(() -> LoginRocketClient.builder().url(allowed).build())
                .as("a parsed URL is checked again against the builder's own setting")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRocketClient.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loginrocket.url");
        assertThat(emulator().requests()).isEmpty();
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> LoginRocketClient.builder().connectTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> LoginRocketClient.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRocketClient.builder().maxResponseBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginRocketClient.builder().userAgent("x\ny")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedClientsRefuseCalls() {
        LoginRocketClient c = clientFor(emulator()).build();
        c.close();
        c.close();
        assertThatThrownBy(() -> c.login(DANA, DANA_PASSWORD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(c.toString()).contains("/v2/", "loginrocket-jakarta/");
    }

    @Test
    void logLinesNameMethodPathStatusRequestIdButNoSecrets() {
        Logger jul = Logger.getLogger("io.github.lrjakarta.core.LoginRocketClient");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
        try {
            LoginResult r = plain.login(DANA, DANA_PASSWORD);
            String session = r.sessionId().orElseThrow();
            String token = r.token().orElseThrow();
            plain.getSession(session);
            catchThrowableOfType(() -> plain.login(DANA, "not-my-password"), ValidationException.class);

            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FINE POST /v2/login -> 200 (request id ")
                    .containsPattern(REQUEST_ID).containsPattern("in \\d+ ms"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FINE GET /v2/session -> 200"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FINE POST /v2/login -> 422"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FINER -> POST /v2/login (attempt 1"));
            assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(session).doesNotContain(token)
                    .doesNotContain(DANA_PASSWORD).doesNotContain("not-my-password").doesNotContain("session="));
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
    }

    @Test
    void callsGoThroughTheJvmsProxy() {
        try (JvmProxy ignored = JvmProxy.through(LR.emulator().url());
                LoginRocketClient c = LoginRocketClient.builder()
                        .url(NetworkFaults.refusedUrl()) // nothing listens there
                        .allowInsecureLoopback(true)
                        .build()) {
            assertThat(c.login(DANA, DANA_PASSWORD).isFullLogin()).isTrue();
        }
        assertThat(LR.emulator().requestCount("/v2/login")).isEqualTo(1);
    }
}
