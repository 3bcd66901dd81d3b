package io.github.lrjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrjakarta.cdi.internal.CurrentRequest;
import io.github.lrjakarta.core.CallContext;
import io.github.lrjakarta.core.CallOptions;
import io.github.lrjakarta.core.LoginResult;
import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.servlet.LoginRocketFilter;
import io.github.lrjakarta.servlet.testing.FakeHttp;
import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import io.github.lrjakarta.testkit.RecordedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@EnableWeld
@SuppressWarnings("try") // a SimulatedRequest is a scope: its body runs "inside the request"
@ExtendWith(LoginRocketEmulatorExtension.class)
class LoginRocketBeansTest {

    private static final LoginRocketRealm PARTNERS = new LoginRocketRealm.Literal("partners");

    static LoginRocketEmulator emulator;

    @BeforeAll
    static void useEmulator(LoginRocketEmulator started) {
        emulator = started;
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(TestConfig.weldOn(emulator, PartnersUser.class))
            .activate(RequestScoped.class)
            .build();

    @Inject
    BeanManager beanManager;

    @Inject
    LoginRocketClient client;

    @Inject
    CurrentSession currentSession;

    @Inject
    Instance<LoginRocketSession> session;

    @Inject
    @LoginRocketRealm("partners")
    CurrentSession partnersSession;

    @Test
    void beansHaveTheDocumentedScopesForEachRealm() {
        for (Annotation qualifier : List.of(Default.Literal.INSTANCE, PARTNERS)) {
            assertThat(scopeOf(LoginRocketClient.class, qualifier)).isEqualTo(ApplicationScoped.class);
            assertThat(scopeOf(LoginRocketTokenVerifier.class, qualifier)).isEqualTo(ApplicationScoped.class);
            assertThat(scopeOf(CurrentSession.class, qualifier)).isEqualTo(RequestScoped.class);
            assertThat(scopeOf(LoginRocketSession.class, qualifier)).isEqualTo(Dependent.class);
        }
    }

    @Test
    void onlyRealmsNamedAtInjectionPointsGetBeans() {
        assertThat(weld.select(LoginRocketClient.class, new LoginRocketRealm.Literal("elsewhere")).isUnsatisfied())
                .isTrue();
    }

    @Test
    void injectedClientIsConfiguredAndLogsIn() {
        assertThat(client.url()).isEqualTo(LoginRocketUrl.parse(emulator.url(), true));
        LoginResult result = client.login("dana@example.org", "correct-horse-battery");
        assertThat(result.type()).isEqualTo(LoginResult.Type.FULL_LOGIN);
        assertThat(result.token()).isPresent();
    }

    @Test
    void withoutHttpRequestThereIsNoSessionAndInjectingOneIsRefused() {
        assertThat(currentSession.get()).isEmpty();
        assertThat(currentSession.isAuthenticated()).isFalse();
        // Jersey is on the test class path, so the refusal is JAX-RS-shaped; the cause is ours.
        assertThatThrownBy(session::get)
                .isInstanceOf(NotAuthorizedException.class)
                .hasCauseInstanceOf(NotAuthenticatedException.class)
                .satisfies(e -> assertThat(((NotAuthorizedException) e).getResponse().getStatus()).isEqualTo(401));
    }

    @Test
    void bearerTokenOfTheRequestIsVerified() {
        String token = emulator.issueToken("dana@example.org");
        try (SimulatedRequest request = SimulatedRequest.withBearer(beanManager, token)) {
            LoginRocketSession s = session.get();
            assertThat(s.user().email()).contains("dana@example.org");
            assertThat(s.selectedMembership().flatMap(m -> m.orgName())).contains("Rivera Labs");
            assertThat(currentSession.require().user().id()).isEqualTo(s.user().id());
        }
    }

    @Test
    void aRequestContextStartedOtherwiseDoesNotSeeAnAsyncRequestThisThreadServedBefore() {
        String token = emulator.issueToken("dana@example.org");
        // An async request: its end is signalled on another thread, so this one never sees it.
        SimulatedRequest.withBearer(beanManager, token);
        assertThat(session.get().user().email()).contains("dana@example.org");

        // Then this thread runs @ActivateRequestContext code: the event's payload is no ServletRequest.
        beanManager.getEvent().select(Initialized.Literal.REQUEST).fire(new Object());

        // (This test keeps one request context throughout, so look below the request-scoped beans.)
        assertThat(CurrentRequest.get()).isEmpty();
        assertThat(CallContext.current()).isEmpty();
    }

    @Test
    void invalidBearerTokenMeansNoSession() {
        String token = emulator.issueToken("dana@example.org");
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        try (SimulatedRequest request = SimulatedRequest.withBearer(beanManager, tampered)) {
            assertThat(currentSession.get()).isEmpty();
            assertThatThrownBy(currentSession::require).hasCauseInstanceOf(NotAuthenticatedException.class);
        }
    }

    @Test
    void sessionEstablishedByTheFilterWinsForTheDefaultRealmOnly() {
        LoginRocketSession sam = weld.select(LoginRocketTokenVerifier.class).get()
                .verify(emulator.issueToken("sam@example.org"))
                .sessionOrThrow();
        String danaToken = emulator.issueToken("dana@example.org");
        FakeHttp.Request http = SimulatedRequest.page().bearer(danaToken);
        http.setAttribute(LoginRocketFilter.SESSION_ATTRIBUTE, sam);
        try (SimulatedRequest request = SimulatedRequest.start(beanManager, http)) {
            assertThat(currentSession.require().user().email()).contains("sam@example.org");
            // A named realm verifies the bearer token with its own verifier.
            assertThat(partnersSession.require().user().email()).contains("dana@example.org");
            assertThat(partnersSession.realm()).contains("partners");
        }
    }

    @Test
    void callsInsideARequestForwardTheUsersAgentAndLanguage() {
        FakeHttp.Request http = SimulatedRequest.page()
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
                .header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
        try (SimulatedRequest request = SimulatedRequest.start(beanManager, http)) {
            assertThat(CallContext.current().flatMap(CallOptions::locale)).contains(Locale.forLanguageTag("es-MX"));
            emulator.clearRequests();
            client.login("dana@example.org", "correct-horse-battery");
            RecordedRequest login = emulator.requests().get(0);
            assertThat(login.header("User-Agent")).contains("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
            assertThat(login.header("Accept-Language")).hasValueSatisfying(v -> assertThat(v).startsWith("es-MX"));
        }
        assertThat(CallContext.current()).isEmpty();
    }

    @Test
    void namedRealmGetsItsOwnClient() {
        // Its own container: here the two realms point at different servers, so each client shows which keys it read.
        Weld realms = WeldInitiator.createWeld()
                .addExtension(new LoginRocketExtension(TestConfig.of(Map.of(
                        "loginrocket.url", "https://default.example.com",
                        "loginrocket.partners.url", "https://partners.example.com"))))
                .addBeanClasses(PartnersUser.class);
        try (WeldContainer container = realms.initialize()) {
            assertThat(container.select(LoginRocketClient.class).get().url().root().getHost())
                    .isEqualTo("default.example.com");
            assertThat(container.select(LoginRocketClient.class, PARTNERS).get().url().root().getHost())
                    .isEqualTo("partners.example.com");
            assertThat(container.select(PartnersUser.class).get().partnersClient.url().root().getHost())
                    .isEqualTo("partners.example.com");
        }
        assertThat(beanOf(LoginRocketClient.class, PARTNERS)).isNotEqualTo(beanOf(LoginRocketClient.class, Default.Literal.INSTANCE));
    }

    private Class<? extends Annotation> scopeOf(Class<?> type, Annotation qualifier) {
        return beanOf(type, qualifier).getScope();
    }

    private Bean<?> beanOf(Class<?> type, Annotation qualifier) {
        return beanManager.resolve(beanManager.getBeans(type, qualifier));
    }
}
