package io.github.lrjakarta.servlet.internal.cors;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;

/**
 * Adds field names to a response's {@code Vary} header without ever replacing what the
 * application or another filter put there.
 *
 * <p>The usual case, no {@code Vary} yet, costs one {@code containsHeader} and one {@code
 * addHeader} of a precomputed value. Only when a {@code Vary} exists are its values read and the
 * missing names added as a further {@code Vary} field line, which HTTP defines as equivalent to
 * appending them to the existing list (RFC 9110 section 5.3). {@code Vary: *} already covers
 * everything and is left alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class VaryHeader {

    private static final String VARY = "Vary";

    private final String[] names;
    private final String value;

    /** A set of field names to add, e.g. {@code Origin}. */
    public VaryHeader(String... names) {
        this.names = names.clone();
        this.value = String.join(", ", names);
    }

    /** Adds the names that the response's {@code Vary} does not list yet. */
    public void appendTo(HttpServletResponse res) {
        if (!res.containsHeader(VARY)) {
            res.addHeader(VARY, value);
            return;
        }
        Collection<String> existing = res.getHeaders(VARY);
        if (listed(existing, "*")) {
            return;
        }
        StringBuilder missing = null;
        for (String name : names) {
            if (!listed(existing, name)) {
                missing = missing == null ? new StringBuilder(name) : missing.append(", ").append(name);
            }
        }
        if (missing != null) {
            res.addHeader(VARY, missing.toString());
        }
    }

    private static boolean listed(Collection<String> values, String name) {
        for (String v : values) {
            if (v != null && containsElement(v, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the comma-separated list {@code list} has an element equal to {@code name}, ignoring case. */
    static boolean containsElement(String list, String name) {
        int len = list.length();
        int i = 0;
        while (i < len) {
            char c = list.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            while (i < len && list.charAt(i) != ',') {
                i++;
            }
            int end = i;
            while (end > start && (list.charAt(end - 1) == ' ' || list.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end - start == name.length() && list.regionMatches(true, start, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
