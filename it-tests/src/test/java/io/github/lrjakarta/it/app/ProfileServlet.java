package io.github.lrjakarta.it.app;

import io.github.lrjakarta.servlet.LoginRocketPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * A page behind {@code loginrocket.login-required} that shows the user the filter established, through the plain
 * servlet API only (no CDI: Weld cannot inject into servlets on Jetty).
 */
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Principal principal = req.getUserPrincipal();
        String who = "anonymous";
        String email = "";
        if (principal instanceof LoginRocketPrincipal) {
            var user = ((LoginRocketPrincipal) principal).session().user();
            who = user.name().orElse(user.id());
            email = user.email().orElse("");
        }
        res.setContentType("text/html;charset=UTF-8");
        res.getWriter().write("<!DOCTYPE html><html><head><title>Profile</title></head><body>"
                + "<p id=\"user\">" + escape(who) + "</p>"
                + "<p id=\"email\">" + escape(email) + "</p>"
                + "<p id=\"admin\">" + req.isUserInRole("admin") + "</p>"
                + "</body></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
