package io.github.lrjakarta.it.ejb;

import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The same mistake in a servlet: one instance serves every request. */
@WebServlet(urlPatterns = "/who", loadOnStartup = 1)
public class SessionKeepingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LoginRocketSession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write(session.user().id());
    }
}
