package io.github.lrjakarta.core;

import static io.github.lrjakarta.core.ClientTestSupport.DANA;
import static io.github.lrjakarta.core.ClientTestSupport.DANA_PASSWORD;
import static io.github.lrjakarta.core.ClientTestSupport.REQUEST_ID;
import static io.github.lrjakarta.core.ClientTestSupport.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lrjakarta.testkit.LoginRocketEmulator;
import io.github.lrjakarta.testkit.LoginRocketEmulatorExtension;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * The TLS 1.2 floor, seen on the wire: the versions the client offers in its ClientHello. A
     * server can only choose an offered version, so a server limited to TLS 1.1 (or 1.0, or SSL 3)
     * cannot complete a handshake with this client. The JDK's default {@code
     * jdk.tls.disabledAlgorithms} already drops TLS 1.1 from every ClientHello, so on a default JDK
     * this holds even without the client's own protocol list; {@link ClientTls11Test} allows TLS 1.1
     * in a forked JVM and shows that the client's list is what refuses it there.
     */
    @Test
    void theClientOffersOnlyTls13And12() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LoginRocketClient c = LoginRocketClient.builder().url("https://127.0.0.1:" + server.getLocalPort())
                        .sslContext(emulator().clientSslContext()).retryPolicy(RetryPolicy.none()).build()) {
            CompletableFuture<List<Integer>> offered = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    return offeredVersions(new DataInputStream(s.getInputStream()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            catchThrowableOfType(() -> c.getSession("kss_0000000000000000000000"), TransportException.class);
            assertThat(offered.get(10, TimeUnit.SECONDS)).as("supported_versions of the ClientHello")
                    .containsExactlyInAnyOrder(0x0304, 0x0303);
        }
    }

    /** The versions in a ClientHello's supported_versions extension (RFC 8446 4.2.1). */
    private static List<Integer> offeredVersions(DataInputStream in) throws IOException {
        assertThat(in.readUnsignedByte()).as("a handshake record").isEqualTo(22);
        in.readUnsignedShort();
        byte[] record = new byte[in.readUnsignedShort()];
        in.readFully(record);
        ByteBuffer b = ByteBuffer.wrap(record);
        assertThat(b.get()).as("a ClientHello").isEqualTo((byte) 1);
        b.position(b.position() + 3 + 2 + 32); // length, legacy_version, random
        skip(b, b.get() & 0xFF); // session id
        skip(b, b.getShort() & 0xFFFF); // cipher suites
        skip(b, b.get() & 0xFF); // compression methods
        int extensionsLength = b.getShort() & 0xFFFF;
        int end = b.position() + extensionsLength;
        while (b.position() < end) {
            int type = b.getShort() & 0xFFFF;
            int length = b.getShort() & 0xFFFF;
            if (type == 43) {
                List<Integer> versions = new ArrayList<>();
                for (int n = b.get() & 0xFF; n > 0; n -= 2) {
                    versions.add(b.getShort() & 0xFFFF);
                }
                return versions;
            }
            skip(b, length);
        }
        throw new AssertionError("the ClientHello has no supported_versions extension");
    }

    private static void skip(ByteBuffer b, int bytes) {
        b.position(b.position() + bytes);
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
