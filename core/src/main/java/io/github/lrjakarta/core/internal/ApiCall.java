package io.github.lrjakarta.core.internal;

import java.util.Map;

/**
 * One LoginRocket API call, before encoding.
 *
 * @param method the HTTP method
 * @param path the path relative to the API base ({@code login}, {@code session}, ...)
 * @param query query parameters in order ({@code session} first when present); values are secrets
 *     and never logged
 * @param fields body fields for POST/PUT, or null for GET/DELETE
 * @param idempotent whether repeating the call cannot change the outcome (drives retries)
 */
public record ApiCall(String method, String path, Map<String, String> query, Map<String, Object> fields, boolean idempotent) {}
