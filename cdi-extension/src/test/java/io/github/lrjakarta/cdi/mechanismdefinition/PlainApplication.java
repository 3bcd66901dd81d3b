package io.github.lrjakarta.cdi.mechanismdefinition;

import io.github.lrjakarta.cdi.LoginRocketAuthenticationMechanismDefinition;

/** The definition on a class that is nothing else to CDI, as a JAX-RS {@code Application} usually is. */
@LoginRocketAuthenticationMechanismDefinition
public class PlainApplication {}
