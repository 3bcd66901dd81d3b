package io.github.lrjakarta.core.internal.jwt;

/** Quotes attacker-controlled values (kid, iss, rid) in failure details only when they are harmless. */
public final class SafeText {

    private static final int MAX = 80;

    private SafeText() {}

    /**
     * {@code 'value'} if it is short printable ASCII without quotes or backslashes, else a
     * placeholder: a forged header must not be able to inject lines or markup into logs.
     */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        if (value.length() > MAX) {
            return "(" + value.length() + " characters, not shown)";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\'' || c == '"' || c == '\\') {
                return "(unprintable value, not shown)";
            }
        }
        return "'" + value + "'";
    }
}
