package io.github.lrjakarta.it.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page behind {@code loginrocket.login-required} that overrides {@code service()}, as servlets written before
 * {@code doGet} was common (or dispatching on their own) do: it answers every method, {@code OPTIONS} included, with
 * protected content. A request that reaches it anonymously shows in its answer.
 */
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What the servlet writes, followed by the caller ({@code getRemoteUser()}, "null" when anonymous). */
    public static final String PROTECTED = "console ran for ";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().write(PROTECTED + req.getRemoteUser());
    }
}
