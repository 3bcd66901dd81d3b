package io.github.lrjakarta.servlet.internal.cors;

/**
 * Parses a serialized origin ({@code scheme "://" host [ ":" port ]}, RFC 6454 section 6.2) in one
 * pass without allocating, because it runs on every cross-origin request.
 *
 * <p>The result is packed into a {@code long} (scheme end, host start and end, effective port and a
 * "canonical" flag) rather than an object, so the hot path stays allocation-free whatever the JIT
 * decides about escape analysis. {@link #MALFORMED} marks anything that is not a single
 * well-formed origin: a path, a query, userinfo, spaces, a list of origins, an empty or
 * out-of-range port, a value longer than {@link #MAX_LENGTH}.
 *
 * <p>Hosts are DNS-style names (letters, digits, {@code -}, {@code _}, non-empty dot-separated
 * labels; browsers send international names as punycode) or bracketed IPv6 literals. The
 * effective port is the explicit port, else 80 for {@code http} and 443 for {@code https}, else
 * {@link #NO_PORT}. An origin is canonical when scheme and host are lower case and the port is
 * absent or not the scheme's default written without leading zeros: the form browsers send, which
 * can be compared as a plain string.
 *
 * <p>Stateless and thread-safe.
 */
public final class OriginSyntax {

    /** Not a single well-formed origin. */
    public static final long MALFORMED = -1L;

    /** Longest origin accepted: a 253-character host name, a scheme and a port fit easily. */
    public static final int MAX_LENGTH = 512;

    /** Effective port of an origin whose scheme has no known default and that gives no port. */
    public static final int NO_PORT = 0x1FFFF;

    // Layout: bits 0-15 scheme end, 16-31 host end, 32-48 effective port, 56 canonical flag.
    // The host always starts three characters after the scheme, so it is not stored.
    private static final int MASK16 = 0xFFFF;
    private static final int HOST_END_SHIFT = 16;
    private static final int PORT_SHIFT = 32;
    private static final long CANONICAL_BIT = 1L << 56;

    private OriginSyntax() {}

    /**
     * Parses {@code s} as one origin.
     *
     * @return the packed parse, or {@link #MALFORMED}
     */
    public static long parse(String s) {
        int len = s.length();
        if (len == 0 || len > MAX_LENGTH) {
            return MALFORMED;
        }
        boolean canonical = true;
        char c = s.charAt(0);
        if (!isAlpha(c)) {
            return MALFORMED;
        }
        int i = 0;
        for (; i < len; i++) {
            c = s.charAt(i);
            if (c == ':') {
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                canonical = false;
            } else if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return MALFORMED;
            }
        }
        int schemeEnd = i;
        int hostStart = schemeEnd + 3;
        if (hostStart >= len || s.charAt(schemeEnd + 1) != '/' || s.charAt(schemeEnd + 2) != '/') {
            return MALFORMED;
        }
        int hostEnd;
        if (s.charAt(hostStart) == '[') {
            int j = hostStart + 1;
            for (; j < len; j++) {
                c = s.charAt(j);
                if (c == ']') {
                    break;
                }
                if (c >= 'A' && c <= 'F') {
                    canonical = false;
                } else if (!(isDigit(c) || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) {
                    return MALFORMED;
                }
            }
            if (j >= len || j == hostStart + 1) {
                return MALFORMED;
            }
            hostEnd = j + 1;
        } else {
            boolean labelStart = true;
            int j = hostStart;
            for (; j < len; j++) {
                c = s.charAt(j);
                if (c == ':') {
                    break;
                }
                if (c == '.') {
                    if (labelStart) {
                        return MALFORMED;
                    }
                    labelStart = true;
                } else if (c >= 'A' && c <= 'Z') {
                    canonical = false;
                    labelStart = false;
                } else if (isAlpha(c) || isDigit(c) || c == '-' || c == '_') {
                    labelStart = false;
                } else {
                    return MALFORMED;
                }
            }
            if (labelStart) { // empty host, or a trailing dot
                return MALFORMED;
            }
            hostEnd = j;
        }
        int defaultPort = defaultPort(s, schemeEnd);
        int port = defaultPort;
        if (hostEnd < len) {
            if (s.charAt(hostEnd) != ':') {
                return MALFORMED;
            }
            int digits = len - hostEnd - 1;
            if (digits < 1 || digits > 5) {
                return MALFORMED;
            }
            port = 0;
            for (int k = hostEnd + 1; k < len; k++) {
                c = s.charAt(k);
                if (!isDigit(c)) {
                    return MALFORMED;
                }
                port = port * 10 + (c - '0');
            }
            if (port > 65535) {
                return MALFORMED;
            }
            if (port == defaultPort || (digits > 1 && s.charAt(hostEnd + 1) == '0')) {
                canonical = false;
            }
        }
        long packed = schemeEnd | ((long) hostEnd << HOST_END_SHIFT) | ((long) port << PORT_SHIFT);
        return canonical ? packed | CANONICAL_BIT : packed;
    }

    /** End of the scheme: the index of the {@code :} before {@code //}. */
    public static int schemeEnd(long parsed) {
        return (int) (parsed & MASK16);
    }

    /** Index of the first character of the host ({@code [} for IPv6). */
    public static int hostStart(long parsed) {
        return schemeEnd(parsed) + 3;
    }

    /** Index after the last character of the host ({@code ]} included for IPv6). */
    public static int hostEnd(long parsed) {
        return (int) ((parsed >>> HOST_END_SHIFT) & MASK16);
    }

    /** The explicit port, else the scheme's default, else {@link #NO_PORT}. */
    public static int port(long parsed) {
        return (int) ((parsed >>> PORT_SHIFT) & NO_PORT);
    }

    /** True when the origin is in the form browsers send (see the class comment). */
    public static boolean isCanonical(long parsed) {
        return (parsed & CANONICAL_BIT) != 0;
    }

    /** 80 for {@code http}, 443 for {@code https} (any case), else {@link #NO_PORT}. */
    public static int defaultPort(String s, int schemeEnd) {
        if (schemeEnd == 4 && Ascii.regionEqualsLower(s, 0, "http")) {
            return 80;
        }
        if (schemeEnd == 5 && Ascii.regionEqualsLower(s, 0, "https")) {
            return 443;
        }
        return NO_PORT;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
