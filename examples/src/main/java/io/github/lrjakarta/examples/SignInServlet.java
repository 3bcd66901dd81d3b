package io.github.lrjakarta.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /signin}, a login-required path: the filter sends a browser without a session to
 * LoginRocket's login page (with a {@code redirect_uri} back here) and takes the {@code ?token=}
 * it returns with. A request that reaches this servlet is logged in, so it only goes home.
 *
 * @since 0.1
 */
public final class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/");
    }
}
