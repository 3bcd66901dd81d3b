package io.github.lrjakarta.servlet.internal.cors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A configured list of HTTP methods or header names, validated once and matched without
 * allocating: the lists are short (a handful of entries), so a length check and an in-place
 * ASCII comparison per entry beats hashing a substring that would first have to be cut out.
 *
 * <p>Methods are case-sensitive (RFC 9110 section 9.1); header names are not. {@code *} makes the
 * set match anything; the response then echoes what was asked for, because browsers do not treat
 * {@code *} as a wildcard on credentialed requests nor ever for {@code Authorization}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenSet {

    // What requests are compared with: the tokens, lower-cased (ASCII) when case does not matter.
    private final String[] matchTokens;
    private final boolean wildcard;
    private final boolean ignoreCase;
    private final String headerValue;

    private TokenSet(String[] tokens, boolean wildcard, boolean ignoreCase) {
        this.matchTokens = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            matchTokens[i] = ignoreCase ? tokens[i].toLowerCase(Locale.ROOT) : tokens[i];
        }
        this.wildcard = wildcard;
        this.ignoreCase = ignoreCase;
        this.headerValue = String.join(", ", tokens);
    }

    /**
     * Methods, compared case-sensitively.
     *
     * @param key the relative configuration key named in errors
     * @throws InvalidCorsSetting for a null entry or one that is not an HTTP token
     */
    public static TokenSet methods(String key, Collection<String> values) {
        return of(key, values, false);
    }

    /**
     * Header names, compared ignoring case.
     *
     * @param key the relative configuration key named in errors
     * @throws InvalidCorsSetting for a null entry or one that is not an HTTP token
     */
    public static TokenSet headerNames(String key, Collection<String> values) {
        return of(key, values, true);
    }

    private static TokenSet of(String key, Collection<String> values, boolean ignoreCase) {
        List<String> kept = new ArrayList<>();
        boolean wildcard = false;
        for (String raw : values) {
            if (raw == null) {
                throw new InvalidCorsSetting(key, "contains a null entry");
            }
            String value = raw.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (value.equals("*")) {
                wildcard = true;
                continue;
            }
            if (!isToken(value, 0, value.length())) {
                throw new InvalidCorsSetting(key, "'" + value
                        + "' is not valid: expected an HTTP token (letters, digits and !#$%&'*+-.^_`|~, no spaces)");
            }
            if (!contains(kept, value, ignoreCase)) {
                kept.add(value);
            }
        }
        return new TokenSet(kept.toArray(new String[0]), wildcard, ignoreCase);
    }

    private static boolean contains(List<String> list, String value, boolean ignoreCase) {
        for (String s : list) {
            if (ignoreCase ? s.equalsIgnoreCase(value) : s.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code *} was configured. */
    public boolean wildcard() {
        return wildcard;
    }

    /** The configured tokens joined by {@code ", "}, for a response header; empty if only {@code *}. */
    public String headerValue() {
        return headerValue;
    }

    /** Whether the single token {@code value} is in the set. */
    public boolean contains(String value) {
        return wildcard ? isToken(value, 0, value.length()) : indexOf(value, 0, value.length()) >= 0;
    }

    /**
     * Whether every element of a comma-separated list ({@code Access-Control-Request-Headers}) is
     * in the set. Empty elements and optional whitespace are skipped; an empty list is contained.
     * With {@code *}, the elements must still be tokens, since the list is then echoed back.
     *
     * <p>One pass: each element is matched in place against the entries (most fail on the first
     * character), rather than first delimited and then compared.
     */
    public boolean containsAll(String list) {
        int len = list.length();
        int i = 0;
        while (i < len) {
            char c = list.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            i = wildcard ? tokenEnd(list, i, len) : entryEnd(list, i, len);
            if (i < 0) {
                return false;
            }
            while (i < len && ((c = list.charAt(i)) == ' ' || c == '\t')) {
                i++;
            }
            if (i < len && list.charAt(i) != ',') {
                return false;
            }
        }
        return true;
    }

    /** End of the entry that {@code s} has at {@code start}, followed by a delimiter or the end; else -1. */
    private int entryEnd(String s, int start, int len) {
        for (String t : matchTokens) {
            int end = start + t.length();
            // Browsers send the names lower-cased (Fetch), which startsWith confirms fastest.
            if (end <= len
                    && (s.startsWith(t, start) || ignoreCase && Ascii.regionEqualsLower(s, start, t))
                    && (end == len || isDelimiter(s.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /** End of the token at {@code start}, if it is followed by a delimiter or the end; else -1. */
    private static int tokenEnd(String s, int start, int len) {
        int end = start;
        while (end < len && !isDelimiter(s.charAt(end))) {
            end++;
        }
        return isToken(s, start, end) ? end : -1;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }

    private int indexOf(String s, int start, int end) {
        int length = end - start;
        for (int i = 0; i < matchTokens.length; i++) {
            String t = matchTokens[i];
            if (t.length() == length && (ignoreCase ? Ascii.regionEqualsLower(s, start, t) : s.startsWith(t, start))) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 9110 {@code token}: one or more {@code tchar}. */
    static boolean isToken(String s, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return wildcard ? (headerValue.isEmpty() ? "[*]" : "[*, " + headerValue + "]") : "[" + headerValue + "]";
    }
}
