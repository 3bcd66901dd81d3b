package io.github.lrjakarta.it.app.annotated;

import io.github.lrjakarta.it.app.ProfileServlet;
import jakarta.servlet.annotation.WebServlet;

@WebServlet("/app/profile")
public class AnnotatedProfileServlet extends ProfileServlet {
    private static final long serialVersionUID = 1L;
}
