package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.CurrentSession;
import io.github.lrjakarta.cdi.LoginRocketRealm;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import java.lang.annotation.Annotation;

/** Realm names as the annotations carry them ({@code ""} = default realm) and their qualifiers. */
public final class Realms {

    private Realms() {}

    /** {@code null} for the default realm ({@code ""}), else the name. */
    public static String normalize(String name) {
        return name == null || name.isEmpty() ? null : name;
    }

    /** The qualifier that selects a realm's beans. */
    public static Annotation qualifier(String realm) {
        String name = normalize(realm);
        return name == null ? Default.Literal.INSTANCE : new LoginRocketRealm.Literal(name);
    }

    static CurrentSession currentSession(Instance<CurrentSession> sessions, String realm) {
        return sessions.select(qualifier(realm)).get();
    }
}
