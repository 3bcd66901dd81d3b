package io.github.lrjakarta.servlet.internal.cors;

/**
 * ASCII case-insensitive comparison against a lower-case constant. Header names, methods and
 * origins (after punycode) are ASCII, so folding only {@code A-Z} is exact, and it avoids the
 * per-character Unicode case tables behind {@link String#regionMatches(boolean, int, String, int,
 * int)}, which measured several times slower and dominated preflight handling.
 */
final class Ascii {

    private Ascii() {}

    /**
     * Whether {@code s}, from {@code start}, continues with {@code lower} ignoring ASCII case. The
     * caller guarantees that {@code s} has at least {@code lower.length()} characters from {@code
     * start}.
     *
     * @param lower a lower-case constant
     */
    static boolean regionEqualsLower(String s, int start, String lower) {
        for (int k = 0, n = lower.length(); k < n; k++) {
            char c = s.charAt(start + k);
            char l = lower.charAt(k);
            if (c != l && (c < 'A' || c > 'Z' || c + ('a' - 'A') != l)) {
                return false;
            }
        }
        return true;
    }
}
