package io.github.lrjakarta.cdi;

import jakarta.enterprise.context.Dependent;

/** A class-level binding, and a method-level one that overrides it. */
@Dependent
@RequiresPermission("admin")
class GuardedByClass {

    String adminStuff() {
        return "admin stuff";
    }

    @RequiresPermission("read")
    String readStuff() {
        return "read stuff";
    }
}
