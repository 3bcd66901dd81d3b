package io.github.lrjakarta.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** Methods guarded by the interceptor bindings, as an application would write them. */
@ApplicationScoped
class Guarded {

    @LoginRequired
    String hello() {
        return "hello";
    }

    @RequiresPermission("admin")
    String admin() {
        return "admin";
    }

    @LoginRequired(realm = "partners")
    String partnersOnly() {
        return "partners";
    }

    String open() {
        return "open";
    }
}
