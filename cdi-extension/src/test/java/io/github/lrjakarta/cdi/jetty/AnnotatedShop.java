package io.github.lrjakarta.cdi.jetty;

import io.github.lrjakarta.servlet.EnableLoginRocket;

/** Configuration by annotation, as an application class would carry it (the URL comes from a context-param). */
@EnableLoginRocket(allowInsecureLoopback = "true")
public class AnnotatedShop {}
