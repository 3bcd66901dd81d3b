package io.github.lrjakarta.servlet.internal.cors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The allowed-origins setting, compiled once: exact origins, wildcard-subdomain origins ({@code
 * https://*.example.com}), {@code *} and the literal {@code null}.
 *
 * <p>Matching never allocates and never uses regular expressions. Browsers send origins in
 * canonical form, so the common case is one exact comparison of the header string as it came; other
 * spellings ({@code HTTPS://App.Example.com:443}) are compared field by field, ignoring case, with
 * the default port filled in.
 *
 * <p>A wildcard entry {@code scheme://*.domain[:port]} matches any host that ends with {@code
 * .domain} at a label boundary, at any depth ({@code a.domain}, {@code a.b.domain}), with the same
 * scheme and effective port. It does <em>not</em> match {@code domain} itself: a wildcard is about
 * subdomains, and the apex is often a different application (a marketing site, say), so it must be
 * listed on its own if wanted. {@code *} matches any well-formed origin but not {@code null}, which
 * browsers send from sandboxed frames, {@code file:} pages and some redirects, and which is
 * therefore only accepted when listed literally.
 *
 * <p>Immutable and thread-safe.
 */
public final class AllowedOrigins {

    /** The relative configuration key named in build-time errors. */
    public static final String KEY = "cors.allowed-origins";

    private final boolean any;
    private final boolean nullAllowed;
    // Canonical exact origins bucketed by length: a hit is a length index plus String.equals (a
    // vectorised intrinsic); no hashCode, which containers would compute afresh for every request's
    // new header string.
    private final String[][] canonicalByLength;
    private final String[] exactSchemes;
    private final String[] exactHosts;
    private final int[] exactPorts;
    private final String[] wildcardSchemes;
    private final String[] wildcardSuffixes;
    private final int[] wildcardPorts;
    private final List<String> entries;

    private AllowedOrigins(
            boolean any, boolean nullAllowed, List<Parsed> exact, List<Parsed> wildcards, List<String> entries) {
        this.any = any;
        this.nullAllowed = nullAllowed;
        this.entries = List.copyOf(entries);
        int n = exact.size();
        this.canonicalByLength = new String[OriginSyntax.MAX_LENGTH + 1][];
        exactSchemes = new String[n];
        exactHosts = new String[n];
        exactPorts = new int[n];
        for (int i = 0; i < n; i++) {
            Parsed p = exact.get(i);
            exactSchemes[i] = p.scheme;
            exactHosts[i] = p.host;
            exactPorts[i] = p.port;
            String c = p.canonical();
            String[] bucket = canonicalByLength[c.length()];
            if (bucket == null) {
                canonicalByLength[c.length()] = new String[] {c};
            } else if (!Arrays.asList(bucket).contains(c)) {
                bucket = Arrays.copyOf(bucket, bucket.length + 1);
                bucket[bucket.length - 1] = c;
                canonicalByLength[c.length()] = bucket;
            }
        }
        int w = wildcards.size();
        wildcardSchemes = new String[w];
        wildcardSuffixes = new String[w];
        wildcardPorts = new int[w];
        for (int i = 0; i < w; i++) {
            Parsed p = wildcards.get(i);
            wildcardSchemes[i] = p.scheme;
            wildcardSuffixes[i] = "." + p.host;
            wildcardPorts[i] = p.port;
        }
    }

    /**
     * Compiles the configured entries; blank entries are skipped.
     *
     * @throws InvalidCorsSetting naming {@link #KEY} and the offending entry
     */
    public static AllowedOrigins of(Collection<String> configured) {
        boolean any = false;
        boolean nullAllowed = false;
        List<Parsed> exact = new ArrayList<>();
        List<Parsed> wildcards = new ArrayList<>();
        Set<String> entries = new LinkedHashSet<>();
        for (String raw : configured) {
            if (raw == null) {
                throw new InvalidCorsSetting(KEY, "contains a null entry");
            }
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                any = true;
                entries.add(entry);
            } else if (entry.equalsIgnoreCase("null")) {
                nullAllowed = true;
                entries.add("null");
            } else if (entry.contains("://*.")) {
                Parsed p = parseWildcard(entry);
                wildcards.add(p);
                entries.add(p.scheme + "://*." + p.host + p.portSuffix());
            } else {
                Parsed p = parseExact(entry, entry);
                exact.add(p);
                entries.add(p.canonical());
            }
        }
        return new AllowedOrigins(any, nullAllowed, exact, wildcards, new ArrayList<>(entries));
    }

    /** True when {@code *} was configured. */
    public boolean any() {
        return any;
    }

    /** Whether {@code origin} (an {@code Origin} header value, possibly malformed) is allowed. */
    /** Whether nothing is allowed (deny all): then no response depends on {@code Origin}. */
    public boolean allowsNone() {
        return entries.isEmpty();
    }

    public boolean allows(String origin) {
        // Every stored string is a well-formed canonical origin, so a hit needs no parsing: the
        // common case of a listed origin, as browsers send it, is one array index and one equals.
        int length = origin.length();
        if (length < canonicalByLength.length) {
            String[] bucket = canonicalByLength[length];
            if (bucket != null) {
                for (String c : bucket) {
                    if (c.equals(origin)) {
                        return true;
                    }
                }
            }
        }
        long parsed = OriginSyntax.parse(origin);
        if (parsed == OriginSyntax.MALFORMED) {
            return nullAllowed && origin.equals("null");
        }
        if (any) {
            return true;
        }
        if (!OriginSyntax.isCanonical(parsed) && matchesExactLoosely(origin, parsed)) {
            return true;
        }
        return matchesWildcard(origin, parsed);
    }

    private boolean matchesExactLoosely(String origin, long parsed) {
        int schemeEnd = OriginSyntax.schemeEnd(parsed);
        int hostStart = OriginSyntax.hostStart(parsed);
        int hostLength = OriginSyntax.hostEnd(parsed) - hostStart;
        int port = OriginSyntax.port(parsed);
        for (int i = 0; i < exactHosts.length; i++) {
            if (exactPorts[i] == port
                    && exactSchemes[i].length() == schemeEnd
                    && exactHosts[i].length() == hostLength
                    && Ascii.regionEqualsLower(origin, 0, exactSchemes[i])
                    && Ascii.regionEqualsLower(origin, hostStart, exactHosts[i])) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesWildcard(String origin, long parsed) {
        int schemeEnd = OriginSyntax.schemeEnd(parsed);
        int hostStart = OriginSyntax.hostStart(parsed);
        int hostEnd = OriginSyntax.hostEnd(parsed);
        if (wildcardSuffixes.length == 0 || origin.charAt(hostStart) == '[') {
            return false;
        }
        int port = OriginSyntax.port(parsed);
        for (int i = 0; i < wildcardSuffixes.length; i++) {
            String suffix = wildcardSuffixes[i];
            int suffixLength = suffix.length();
            // Longer than the suffix: the apex itself (no leading label) never matches. The parser
            // rejected empty labels, so what precedes the suffix is one or more whole labels.
            if (wildcardPorts[i] == port
                    && hostEnd - hostStart > suffixLength
                    && wildcardSchemes[i].length() == schemeEnd
                    && Ascii.regionEqualsLower(origin, hostEnd - suffixLength, suffix)
                    && Ascii.regionEqualsLower(origin, 0, wildcardSchemes[i])) {
                return true;
            }
        }
        return false;
    }

    private static Parsed parseWildcard(String entry) {
        int marker = entry.indexOf("://*.");
        String rest = entry.substring(0, marker + 3) + entry.substring(marker + 5);
        if (rest.indexOf('*') >= 0) {
            throw invalid(entry, "a wildcard may only stand for the leftmost labels, as in https://*.example.com");
        }
        Parsed p = parseExact(rest, entry);
        if (p.host.startsWith("[") || p.host.indexOf('.') < 0) {
            throw invalid(
                    entry,
                    "a wildcard needs a domain of at least two labels after '*.' (https://*.example.com),"
                            + " so that it cannot cover a whole top-level domain or an IP address");
        }
        return p;
    }

    private static Parsed parseExact(String value, String entry) {
        if (value.indexOf('*') >= 0) {
            throw invalid(entry, "'*' is allowed alone (any origin) or as https://*.example.com (subdomains)");
        }
        long parsed = OriginSyntax.parse(value);
        if (parsed == OriginSyntax.MALFORMED) {
            throw invalid(
                    entry,
                    "expected an origin: scheme://host[:port], with no path, query, trailing slash or user info,"
                            + " such as https://app.example.com or http://localhost:3000");
        }
        int schemeEnd = OriginSyntax.schemeEnd(parsed);
        int hostStart = OriginSyntax.hostStart(parsed);
        String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String host = value.substring(hostStart, OriginSyntax.hostEnd(parsed)).toLowerCase(Locale.ROOT);
        // Schemes without a default port (capacitor://localhost) keep NO_PORT and match only
        // origins that give no port either.
        return new Parsed(scheme, host, OriginSyntax.port(parsed), OriginSyntax.defaultPort(scheme, scheme.length()));
    }

    private static InvalidCorsSetting invalid(String entry, String expected) {
        return new InvalidCorsSetting(KEY, "'" + entry + "' is not valid: " + expected);
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "[] (deny all)" : entries.toString();
    }

    private static final class Parsed {
        final String scheme;
        final String host;
        final int port;
        final int defaultPort;

        Parsed(String scheme, String host, int port, int defaultPort) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.defaultPort = defaultPort;
        }

        String portSuffix() {
            return port == defaultPort ? "" : ":" + port;
        }

        String canonical() {
            return scheme + "://" + host + portSuffix();
        }
    }
}
