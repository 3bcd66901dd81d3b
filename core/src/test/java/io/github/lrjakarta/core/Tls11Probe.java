package io.github.lrjakarta.core;

import io.github.lrjakarta.testkit.internal.SelfSignedTls;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Run by {@link ClientTls11Test} in a JVM whose {@code jdk.tls.disabledAlgorithms} allows TLS 1.1:
 * a server that speaks only TLS 1.1 is reachable by a JDK client that enables TLS 1.1 (the control),
 * and refused by {@link LoginRocketClient}. Prints one line per finding.
 */
final class Tls11Probe {

    private Tls11Probe() {}

    public static void main(String[] args) throws Exception {
        SelfSignedTls tls = SelfSignedTls.generate();
        try (SSLServerSocket server = (SSLServerSocket) tls.serverContext().getServerSocketFactory().createServerSocket(0)) {
            server.setEnabledProtocols(new String[] {"TLSv1.1"});
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (SSLSocket s = (SSLSocket) server.accept()) {
                        s.startHandshake();
                    } catch (IOException e) {
                        // the client refused the handshake, or the server closed
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            try (SSLSocket control = (SSLSocket) tls.clientContext().getSocketFactory()
                    .createSocket("127.0.0.1", server.getLocalPort())) {
                control.setEnabledProtocols(new String[] {"TLSv1.1"});
                control.startHandshake();
                System.out.println("control: handshake " + control.getSession().getProtocol());
            } catch (IOException e) {
                System.out.println("control: failed " + e);
            }

            try (LoginRocketClient client = LoginRocketClient.builder().url("https://127.0.0.1:" + server.getLocalPort())
                    .sslContext(tls.clientContext()).retryPolicy(RetryPolicy.none())
                    .connectTimeout(Duration.ofSeconds(5)).build()) {
                client.getSession("kss_0000000000000000000000");
                System.out.println("client: answered");
            } catch (TransportException e) {
                System.out.println("client: refused " + e.getCause().getClass().getName() + " " + e.getMessage());
            }
        }
    }
}
