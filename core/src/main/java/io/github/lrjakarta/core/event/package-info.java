/**
 * Events the library reports about its work with LoginRocket, for metrics, health checks and
 * audit: implement {@link io.github.lrjakarta.core.event.LoginRocketListener}.
 *
 * @since 0.2
 */
package io.github.lrjakarta.core.event;
