package io.github.lrjakarta.benchmarks.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application of the load harness: {@code /api/me} and {@code /api/hello}. */
@ApplicationPath("api")
public class LoadApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeResource.class, HelloResource.class);
    }
}
