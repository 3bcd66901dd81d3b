package io.github.lrjakarta.examples;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code config.js}: {@code window.DEMO = {...}}, the URLs the static pages need (they are
 * only known once the ports are bound) and the sample users. Demo plumbing, not library usage.
 */
final class ConfigScript extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] script;

    ConfigScript(JsonObject config) {
        this.script = ("window.DEMO = " + config + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType("text/javascript;charset=utf-8");
        resp.setContentLength(script.length);
        resp.getOutputStream().write(script);
    }
}
