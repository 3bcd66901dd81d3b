package io.github.lrjakarta.cdi.mechanismdefinition.absent;

/** A class of an application that did not ask for the mechanism. */
public class PlainClass {}
