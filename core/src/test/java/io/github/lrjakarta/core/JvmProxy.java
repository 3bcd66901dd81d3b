package io.github.lrjakarta.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Routes every request of this JVM through one HTTP proxy, as {@code -Dhttp.proxyHost} would,
 * until closed; then the previous default selector is back. The testkit emulator can stand in for
 * the proxy: it answers an absolute-form request ({@code GET http://host/path}) itself.
 */
final class JvmProxy implements AutoCloseable {

    private final ProxySelector previous = ProxySelector.getDefault();

    private JvmProxy(URI proxy) {
        Proxy http = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort()));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(http);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
    }

    /** Routes through the proxy at {@code url} ({@code http://host:port}). */
    static JvmProxy through(String url) {
        return new JvmProxy(URI.create(url));
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }
}
