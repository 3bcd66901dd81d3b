package io.github.lrjakarta.core.internal;

import io.github.lrjakarta.core.BodyEncoding;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.RetryPolicy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * The validated settings of one client, handed from the public builder to the implementation.
 *
 * @param url the realm URL
 * @param locale the default {@code Accept-Language}, or null for none
 * @param appPart the application's part of the agent string, or null
 * @param connectTimeout TCP connect and TLS handshake timeout
 * @param responseTimeout socket inactivity timeout while waiting for and reading the response
 * @param connectionRequestTimeout the longest wait for a pooled connection
 * @param maxConnections pool size (total and per route: one client talks to one host)
 * @param bodyEncoding how POST/PUT fields are encoded
 * @param retryPolicy when calls are repeated
 * @param sslContext the TLS context, or null for the JDK default
 * @param maxResponseBytes the largest response body read
 * @param listener the registered listeners, or null for none
 * @param httpCustomizer applied to the HttpClient 5 builder last, or null
 */
public record ClientSettings(
        LoginRocketUrl url,
        Locale locale,
        String appPart,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration connectionRequestTimeout,
        int maxConnections,
        BodyEncoding bodyEncoding,
        RetryPolicy retryPolicy,
        SSLContext sslContext,
        int maxResponseBytes,
        Listeners listener,
        Consumer<HttpClientBuilder> httpCustomizer) {}
