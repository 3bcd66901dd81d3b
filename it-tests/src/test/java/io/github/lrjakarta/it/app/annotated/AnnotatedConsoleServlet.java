package io.github.lrjakarta.it.app.annotated;

import io.github.lrjakarta.it.app.ConsoleServlet;
import jakarta.servlet.annotation.WebServlet;

@WebServlet("/app/console")
public class AnnotatedConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;
}
