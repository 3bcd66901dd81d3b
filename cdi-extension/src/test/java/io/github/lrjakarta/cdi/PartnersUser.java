package io.github.lrjakarta.cdi;

import io.github.lrjakarta.core.LoginRocketClient;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Declares the realm "partners" through an injection point, as an application would. */
@Dependent
class PartnersUser {

    @Inject
    @LoginRocketRealm("partners")
    LoginRocketClient partnersClient;
}
