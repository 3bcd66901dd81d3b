package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** https against the emulator's TLS mode: works when trusted, fails closed otherwise, never falls back to http. */
class ClientTlsTest {

    @RegisterExtension
    static final LoginRocketEmulatorExtension LR =
            LoginRocketEmulatorExtension.builder().tls(true).resetBeforeEach(true).build();

    private static LoginRocketEmulator emulator() {
        return LR.emulator();
    }

    @Test
    void httpsWorksWhenTheCertificateIsTrusted() {
        assertThat(emulator().url()).startsWith("https://");
        try (LoginRocketClient c = LoginRocketClient.builder().url(emulator().url())
                .sslContext(emulator().clientSslContext()).build()) {
            assertThat(c.url().isHttps()).isTrue();
            LoginResult r = c.login(DANA, DANA_PASSWORD);
            assertThat(r.isFullLogin()).isTrue();
            assertThat(r.requestId()).matches(REQUEST_ID);
            String session = r.sessionId().orElseThrow();
            assertThat(c.getSession(session).isFullLogin()).isTrue();
            assertThat(c.logout(session).type()).isEqualTo(LoginResult.Type.OKAY);
        }
        assertThat(last(emulator(), "/v2/login").header("Accept")).contains("application/json");
    }

    @Test
    void untrustedCertificateFailsWithoutRetryOrFallback() {
        try (LoginRocketClient c = LoginRocketClient.builder().url(emulator().url()).build()) {
            TransportException e = catchThrowableOfType(() -> c.getSession("kss_0000000000000000000000"),
                    TransportException.class);
            assertThat(e.getCause()).isInstanceOf(SSLException.class);
            assertThat(e.getMessage()).contains("TLS handshake", "sslContext", "never falls back");
            assertThat(e.getSuppressed()).as("a TLS failure is not retried").isEmpty();
        }
        assertThat(emulator().requests()).isEmpty();
    }

    @Test
    void httpsUrlAgainstAPlainHttpServerNeverFallsBackToHttp() {
        try (LoginRocketEmulator plain = LoginRocketEmulator.start();
                LoginRocketClient c = LoginRocketClient.builder()
                        .url(plain.url().replace("http://", "https://"))
                        .sslContext(emulator().clientSslContext()).connectTimeout(Duration.ofSeconds(1)).build()) {
            // the plain server reads the ClientHello as a request line and waits for its end, so the
            // handshake fails by timeout (a server that answers with HTTP makes it an SSLException)
            TransportException e = catchThrowableOfType(() -> c.login(DANA, DANA_PASSWORD), TransportException.class);
            assertThat(e.getCause()).isInstanceOfAny(SSLException.class, SocketTimeoutException.class);
            assertThat(e.getMessage()).containsAnyOf("timed out after connectTimeout (1 s)", "TLS handshake");
            assertThat(e.getSuppressed()).isEmpty();
            assertThat(plain.requests()).as("nothing reached the plain-http server as a request").isEmpty();
        }
    }
}
