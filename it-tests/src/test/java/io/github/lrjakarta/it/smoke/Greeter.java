package io.github.lrjakarta.it.smoke;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Greeter {
    public String greet() {
        return "pong";
    }
}
