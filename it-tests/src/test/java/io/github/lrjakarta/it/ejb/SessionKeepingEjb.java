package io.github.lrjakarta.it.ejb;

import io.github.lrjakarta.core.LoginRocketSession;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The mistake {@link SessionInjectionIT} shows refused: a pooled stateless EJB would keep the session of the request
 * that created it and serve every later caller with it.
 */
@Stateless
public class SessionKeepingEjb {

    @Inject
    LoginRocketSession session;

    public String whoIsCalling() {
        return session.user().id();
    }
}
