package io.github.lrjakarta.cdi;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes LoginRocket the application's Jakarta Security authentication mechanism, in the style of
 * {@code @OpenIdAuthenticationMechanismDefinition}: put it on one class of the application (its
 * JAX-RS {@code Application}, for example) and the {@link LoginRocketExtension} adds {@link
 * LoginRocketAuthenticationMechanism} as the {@code HttpAuthenticationMechanism} bean. The
 * configuration is the usual {@code loginrocket.*} keys of the application (context-params, system
 * properties, MicroProfile Config and the rest). Use it instead of the filter, not beside it.
 *
 * <p>It is a CDI stereotype, so the class that carries it is discovered in an archive with {@code
 * bean-discovery-mode="annotated"} (the usual one, and WildFly's default for a WAR without {@code
 * beans.xml}) even when nothing else makes it a bean; that class becomes a {@code @Dependent} bean
 * unless it declares a scope of its own.
 *
 * @since 0.2
 */
@Stereotype
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LoginRocketAuthenticationMechanismDefinition {}
