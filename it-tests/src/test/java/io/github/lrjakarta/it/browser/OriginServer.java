package io.github.lrjakarta.it.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A page on an origin of its own (127.0.0.1 and its own port): the front end that calls the API in the WAR from
 * another origin. Same host as the WAR, so it is the same site and the filter's SameSite=Lax cookie goes along with
 * {@code credentials: "include"}, while CORS still applies (the port differs).
 */
final class OriginServer implements AutoCloseable {

    private final HttpServer server;

    private OriginServer(HttpServer server) {
        this.server = server;
    }

    static OriginServer start(String title) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] page = ("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p id=\"origin\">"
                    + title + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return new OriginServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, as the browser sends it in {@code Origin}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
