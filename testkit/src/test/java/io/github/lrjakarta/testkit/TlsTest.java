package io.github.lrjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsTest {

    @RegisterExtension
    static LoginRocketEmulatorExtension lr = LoginRocketEmulatorExtension.builder().tls(true).build();

    @Test
    void httpsWithTheClientContextAndTls12OrLater(LoginRocketEmulator emulator) throws Exception {
        assertThat(emulator.isTls()).isTrue();
        assertThat(emulator.url()).startsWith("https://127.0.0.1:");
        HttpClient client = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build();
        HttpResponse<String> r = client.send(Http.request(emulator.url() + "/connect/jwks")
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        assertThat(new Http(emulator.url(), emulator.clientSslContext()).post("/v2/login", FidelityExamplesTest.DANA)
                .json().getString("result")).isEqualTo("full_login");
    }

    @Test
    void untrustedByDefaultAndOldProtocolsRefused(LoginRocketEmulator emulator) throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> plain.send(Http.request(emulator.url() + "/connect/jwks").GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);

        SSLParameters tls11 = new SSLParameters();
        tls11.setProtocols(new String[] {"TLSv1.1"});
        HttpClient old = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).sslParameters(tls11).build();
        assertThatThrownBy(() -> old.send(Http.request(emulator.url() + "/connect/jwks").GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void certificateNamesLoopback(LoginRocketEmulator emulator) throws Exception {
        X509Certificate cert = emulator.certificate();
        List<Object> names = cert.getSubjectAlternativeNames().stream().map(san -> san.get(1)).map(Object.class::cast).toList();
        assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        cert.checkValidity();
    }

    @Test
    void plainEmulatorHasNoClientContext() {
        try (LoginRocketEmulator plain = LoginRocketEmulator.start()) {
            assertThatThrownBy(plain::clientSslContext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tls(true)");
        }
    }
}
