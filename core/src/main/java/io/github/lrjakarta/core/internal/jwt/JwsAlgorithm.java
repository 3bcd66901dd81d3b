package io.github.lrjakarta.core.internal.jwt;

/** The only two JWS algorithms LoginRocket uses; each key source is pinned to exactly one. */
public enum JwsAlgorithm {
    RS256,
    HS256
}
