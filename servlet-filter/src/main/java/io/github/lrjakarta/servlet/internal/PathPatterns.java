package io.github.lrjakarta.servlet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Servlet-style URL patterns ({@code /exact}, {@code /prefix/*}, {@code *.ext}, {@code /*} or
 * {@code /} for everything) matched against the decoded, normalised path within the application,
 * which the container hands out as servlet path plus path info. Matching looks at the two parts in
 * place: no concatenation, no regex, no allocation.
 */
public final class PathPatterns {

    private static final PathPatterns NONE = new PathPatterns(false, new String[0], new String[0], new String[0]);

    private final boolean all;
    private final String[] exact;
    /** Prefix patterns without the trailing {@code /*}: {@code /app/*} is stored as {@code /app}. */
    private final String[] prefixes;
    /** Extension patterns without the {@code *}: {@code *.jsp} is stored as {@code .jsp}. */
    private final String[] suffixes;

    private PathPatterns(boolean all, String[] exact, String[] prefixes, String[] suffixes) {
        this.all = all;
        this.exact = exact;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
    }

    /** Patterns that match nothing. */
    public static PathPatterns none() {
        return NONE;
    }

    /** Compiles a comma-separated list of patterns; see {@link #compile(List)}. */
    public static PathPatterns parse(String commaSeparated) {
        List<String> patterns = new ArrayList<>();
        for (String p : commaSeparated.split(",")) {
            if (!p.isBlank()) {
                patterns.add(p.trim());
            }
        }
        return compile(patterns);
    }

    /**
     * Compiles patterns.
     *
     * @throws IllegalArgumentException naming the bad pattern and the accepted forms
     */
    public static PathPatterns compile(List<String> patterns) {
        boolean all = false;
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String p : patterns) {
            if (p.equals("/*") || p.equals("/")) {
                all = true;
            } else if (p.startsWith("*.") && p.length() > 2 && p.indexOf('*', 1) < 0 && p.indexOf('/') < 0) {
                suffixes.add(p.substring(1));
            } else if (p.startsWith("/") && p.endsWith("/*") && p.indexOf('*') == p.length() - 1) {
                prefixes.add(p.substring(0, p.length() - 2));
            } else if (p.startsWith("/") && p.indexOf('*') < 0) {
                exact.add(p);
            } else {
                throw new IllegalArgumentException("'" + p + "' is not a path pattern; expected /exact/path,"
                        + " /prefix/*, *.extension or /* (servlet url-pattern syntax, no other wildcards)");
            }
        }
        if (!all && exact.isEmpty() && prefixes.isEmpty() && suffixes.isEmpty()) {
            return NONE;
        }
        return new PathPatterns(
                all, exact.toArray(new String[0]), prefixes.toArray(new String[0]), suffixes.toArray(new String[0]));
    }

    /** Whether nothing can match. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /**
     * Whether the path {@code servletPath + pathInfo} matches.
     *
     * @param servletPath {@code HttpServletRequest.getServletPath()}, never null
     * @param pathInfo {@code HttpServletRequest.getPathInfo()}, may be null
     */
    public boolean matches(String servletPath, String pathInfo) {
        if (all) {
            return true;
        }
        String info = pathInfo == null ? "" : pathInfo;
        for (String e : exact) {
            if (equalsPath(servletPath, info, e)) {
                return true;
            }
        }
        int length = servletPath.length() + info.length();
        for (String prefix : prefixes) {
            // "/app/*" matches "/app" and "/app/…", not "/application".
            if (startsWith(servletPath, info, prefix)
                    && (length == prefix.length() || charAt(servletPath, info, prefix.length()) == '/')) {
                return true;
            }
        }
        for (String suffix : suffixes) {
            if (endsWith(servletPath, info, suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code servletPath + pathInfo} equals {@code path}. */
    public static boolean equalsPath(String servletPath, String pathInfo, String path) {
        String info = pathInfo == null ? "" : pathInfo;
        return servletPath.length() + info.length() == path.length() && startsWith(servletPath, info, path);
    }

    private static boolean startsWith(String a, String b, String prefix) {
        int n = prefix.length();
        int inA = a.length();
        if (inA >= n) {
            // The usual split ("/" mapping, or a servlet path longer than the prefix): one comparison,
            // which is most of what a request on a public path pays for path matching.
            return a.startsWith(prefix);
        }
        return inA + b.length() >= n && prefix.startsWith(a) && b.regionMatches(0, prefix, inA, n - inA);
    }

    private static boolean endsWith(String a, String b, String suffix) {
        int n = suffix.length();
        if (a.length() + b.length() < n) {
            return false;
        }
        int inB = Math.min(n, b.length());
        int inA = n - inB;
        return b.regionMatches(b.length() - inB, suffix, inA, inB) && a.regionMatches(a.length() - inA, suffix, 0, inA);
    }

    private static char charAt(String a, String b, int i) {
        return i < a.length() ? a.charAt(i) : b.charAt(i - a.length());
    }

    @Override
    public String toString() {
        if (all) {
            return "[/*]";
        }
        List<String> shown = new ArrayList<>(List.of(exact));
        for (String p : prefixes) {
            shown.add(p + "/*");
        }
        for (String s : suffixes) {
            shown.add("*" + s);
        }
        return shown.toString();
    }
}
