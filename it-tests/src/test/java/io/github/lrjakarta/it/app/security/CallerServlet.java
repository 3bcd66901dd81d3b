package io.github.lrjakarta.it.app.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Behind a {@code web.xml} security constraint, no filter: what the container itself knows about the caller.
 * With {@code ?authenticate} it first calls {@code request.authenticate()}, as a servlet on an open path does to
 * demand a login.
 */
public class CallerServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getParameter("authenticate") != null) {
            try {
                if (!req.authenticate(res)) {
                    return; // the mechanism has answered (login redirect or 401)
                }
            } catch (jakarta.servlet.ServletException e) {
                res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
        }
        Principal principal = req.getUserPrincipal();
        res.setContentType("text/plain");
        res.getWriter().write("principal=" + (principal == null ? "" : principal.getName())
                + ";class=" + (principal == null ? "" : principal.getClass().getSimpleName())
                + ";admin=" + req.isUserInRole("admin")
                + ";read=" + req.isUserInRole("read"));
    }
}
