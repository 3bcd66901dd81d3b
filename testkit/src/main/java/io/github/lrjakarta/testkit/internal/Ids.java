package io.github.lrjakarta.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * AuthRocket-style identifiers: a type prefix plus 22 base62 characters ({@code kss_0v1zUpWdE4IiFc2w5ynShf}).
 * Random ones for sessions, request ids and tokens; stable ones (derived from a seed) for fixture
 * users and orgs, so that ids survive {@code reset()} and restarts.
 */
public final class Ids {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code prefix} + 22 random base62 characters. */
    public static String random(String prefix) {
        return prefix + randomChars(LENGTH);
    }

    /** {@code n} random base62 characters. */
    public static String randomChars(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    /** {@code prefix} + 22 base62 characters derived from {@code seed} (same seed, same id). */
    public static String stable(String prefix, String seed) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = BASE62[(hash[i] & 0xff) % BASE62.length];
        }
        return prefix + new String(out);
    }
}
