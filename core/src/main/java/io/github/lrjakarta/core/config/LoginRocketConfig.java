package io.github.lrjakarta.core.config;

import io.github.lrjakarta.core.LoginRocketClient;
import io.github.lrjakarta.core.LoginRocketUrl;
import io.github.lrjakarta.core.config.internal.Converters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The library's configuration: one set of {@code loginrocket.*} keys (see {@link
 * LoginRocketKeys}) read from many {@link ConfigSource}s, highest ordinal first, then the
 * built-in defaults.
 *
 * <p>Keys are given relative ({@code cors.max-age}) or in full default-realm form ({@code
 * loginrocket.cors.max-age}); a config for a named realm ({@link #realm(String)}) inserts the
 * name: {@code loginrocket.partners.cors.max-age}, environment {@code
 * LOGINROCKET_PARTNERS_CORS_MAX_AGE}. A named realm does not fall back to the default realm's
 * values: each realm is configured on its own, built-in defaults aside.
 *
 * <p>Typed getters convert and validate; a bad value throws {@link LoginRocketConfigException}
 * naming the key, the source, the value (unless secret) and what was expected. {@link
 * #validate()} checks every known key at once and is meant to run at deployment, so bad
 * configuration fails fast. Durations are {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h},
 * {@code 2d} or ISO-8601 ({@code PT5S}); booleans are strictly {@code true}/{@code false}; lists
 * are comma-separated. A blank value counts as not set, so the next source is consulted.
 *
 * <p>Sources are read live on every lookup (nothing is cached), so read the config at startup
 * and keep the typed values. Instances are immutable and thread-safe if their sources are.
 *
 * @since 0.1
 */
public final class LoginRocketConfig {

    private static final Pattern REALM_NAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    /** First segments of the default realm's keys; a realm of that name would make keys ambiguous. */
    private static final Set<String> RESERVED_REALM_NAMES = Set.of("cors", "jwt", "cookie", "ended-sessions");

    private final List<ConfigSource> sources;
    private final String realm;
    private final String prefix;

    private LoginRocketConfig(List<ConfigSource> sources, String realm) {
        this.sources = sources;
        this.realm = realm;
        this.prefix = realm == null ? LoginRocketKeys.PREFIX : LoginRocketKeys.PREFIX + realm + ".";
    }

    /** A builder with no sources; add them with {@link Builder#source(ConfigSource)}. */
    public static Builder builder() {
        return new Builder();
    }

    /** System properties and the environment: what a plain Java SE program has. */
    public static LoginRocketConfig fromSystem() {
        return builder()
                .source(ConfigSources.systemProperties())
                .source(ConfigSources.environment())
                .build();
    }

    /**
     * The same sources for a named realm ({@code loginrocket.<name>.*}).
     *
     * @param name lower-case letters, digits and inner hyphens, e.g. {@code partners}; not {@code
     *     cors}, {@code jwt} or {@code cookie}
     * @throws IllegalArgumentException for an unusable name
     */
    public LoginRocketConfig realm(String name) {
        Objects.requireNonNull(name, "name");
        if (!REALM_NAME.matcher(name).matches() || RESERVED_REALM_NAMES.contains(name)) {
            throw new IllegalArgumentException("Realm name '" + name + "' is not usable in loginrocket.<name>.<key>:"
                    + " expected lower-case letters, digits and inner hyphens, not cors, jwt or cookie");
        }
        return new LoginRocketConfig(sources, name);
    }

    /** The realm's name, empty for the default realm. */
    public Optional<String> realmName() {
        return Optional.ofNullable(realm);
    }

    /** The sources, highest precedence first. */
    public List<ConfigSource> sources() {
        return sources;
    }

    /**
     * The full key for this realm: {@code url} → {@code loginrocket.url} (default realm) or {@code
     * loginrocket.partners.url}. A key already starting with {@code loginrocket.} is taken as the
     * default-realm form and gets this realm's name inserted.
     */
    public String key(String key) {
        return prefix + relative(key);
    }

    /** The value of a key and where it came from; the built-in default when no source sets it. */
    public Optional<ConfigValue> lookup(String key) {
        String rel = relative(key);
        String full = prefix + rel;
        for (ConfigSource source : sources) {
            String value = source.value(full);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ConfigValue(full, value.trim(), source.name(), source.location(full)));
            }
        }
        return LoginRocketKeys.defaultValue(rel)
                .map(d -> new ConfigValue(full, d, ConfigValue.DEFAULT_SOURCE, "the built-in default"));
    }

    /**
     * Converts a value with a caller's converter. The converter signals a bad value by throwing
     * {@link IllegalArgumentException} whose message says what was expected; it is rethrown as a
     * {@link LoginRocketConfigException} naming key, source and value.
     */
    public <T> Optional<T> optional(String key, Function<String, T> converter) {
        Optional<ConfigValue> found = lookup(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConfigValue v = found.get();
        try {
            return Optional.of(converter.apply(v.value()));
        } catch (IllegalArgumentException e) {
            throw invalid(v, e.getMessage());
        }
    }

    /** Like {@link #optional(String, Function)}, but a missing key is an error. */
    public <T> T required(String key, Function<String, T> converter) {
        return optional(key, converter).orElseThrow(() -> missing(key, "a value"));
    }

    /** A string value, trimmed. */
    public Optional<String> optionalString(String key) {
        return lookup(key).map(ConfigValue::value);
    }

    /** A string value that must be set (or have a default). */
    public String getString(String key) {
        return optionalString(key).orElseThrow(() -> missing(key, "a value"));
    }

    /** A duration; see the class comment for the accepted forms. */
    public Optional<Duration> optionalDuration(String key) {
        boolean positive = isPositive(key);
        LoginRocketKeys.Spec spec = LoginRocketKeys.spec(relative(key));
        Duration min = spec == null ? null : spec.min;
        Duration max = spec == null ? null : spec.max;
        return optional(key, s -> Converters.duration(s, positive, min, max));
    }

    /** A duration that must be set (or have a default). */
    public Duration getDuration(String key) {
        return optionalDuration(key).orElseThrow(() -> missing(key, "a duration"));
    }

    /**
     * {@code session-recheck-interval}: empty when the re-check is off; 3 to 15 minutes, or down to 1
     * second when {@code url} is a loopback address (the testkit emulator).
     *
     * @throws LoginRocketConfigException for a value out of range, naming the key and the range
     * @since 0.2
     */
    public Optional<Duration> sessionRecheckInterval() {
        boolean loopback;
        try {
            loopback = url().isLoopback();
        } catch (LoginRocketConfigException e) {
            loopback = false; // reported under url
        }
        boolean loopbackRealm = loopback;
        return optional(LoginRocketKeys.SESSION_RECHECK_INTERVAL,
                s -> Converters.recheckInterval(Converters.duration(s, true), loopbackRealm));
    }

    /** A boolean: {@code true} or {@code false}, nothing else. */
    public Optional<Boolean> optionalBoolean(String key) {
        return optional(key, Converters::bool);
    }

    /** A boolean that must be set (or have a default). */
    public boolean getBoolean(String key) {
        return optionalBoolean(key).orElseThrow(() -> missing(key, "true or false"));
    }

    /** A non-negative integer (at least one for keys documented as positive). */
    public OptionalInt optionalInt(String key) {
        int min = isPositive(key) ? 1 : 0;
        Optional<Integer> n = optional(key, s -> Converters.integer(s, min));
        return n.isPresent() ? OptionalInt.of(n.get()) : OptionalInt.empty();
    }

    /** An integer that must be set (or have a default). */
    public int getInt(String key) {
        OptionalInt n = optionalInt(key);
        if (n.isEmpty()) {
            throw missing(key, "an integer");
        }
        return n.getAsInt();
    }

    /** A comma-separated list, items trimmed, empty items dropped; empty when not set. */
    public List<String> getList(String key) {
        return optional(key, Converters::list).orElse(List.of());
    }

    /** The realm URL ({@code url}, honouring {@code allow-insecure-loopback}); required. */
    public LoginRocketUrl url() {
        boolean allowLoopback = getBoolean(LoginRocketKeys.ALLOW_INSECURE_LOOPBACK);
        return required(LoginRocketKeys.URL, s -> LoginRocketUrl.parse(s, allowLoopback));
    }

    /** The default {@code Accept-Language} ({@code locale}). */
    public Optional<Locale> locale() {
        return optional(LoginRocketKeys.LOCALE, Converters::locale);
    }

    /**
     * Reads and converts every known key of this realm and reports all problems at once.
     *
     * @throws LoginRocketConfigException listing every bad or missing value
     */
    public void validate() {
        List<LoginRocketConfigException> errors = new ArrayList<>();
        for (String rel : LoginRocketKeys.all()) {
            try {
                check(rel);
            } catch (LoginRocketConfigException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            errors.forEach(e -> problems.addAll(e.problems()));
            LoginRocketConfigException first = errors.get(0);
            throw new LoginRocketConfigException(first.key(), first.sourceName().orElse(null), problems);
        }
    }

    private void check(String rel) {
        LoginRocketKeys.Spec spec = LoginRocketKeys.spec(rel);
        switch (spec.kind) {
            case URL:
                url();
                break;
            case LOCALE:
                locale();
                break;
            case DURATION:
                if (rel.equals(LoginRocketKeys.SESSION_RECHECK_INTERVAL)) {
                    sessionRecheckInterval();
                } else {
                    optionalDuration(rel);
                }
                break;
            case BOOLEAN:
                optionalBoolean(rel);
                break;
            case INT:
                optionalInt(rel);
                break;
            case LIST:
                getList(rel);
                break;
            case STRING:
                if (rel.equals(LoginRocketKeys.USER_AGENT)) {
                    // the rule LoginRocketFactory.clientBuilder() applies, so that a bad agent fails here,
                    // not at the first client
                    optional(rel, LoginRocketClient.builder()::userAgent);
                } else {
                    optionalString(rel);
                }
                break;
            default:
                throw new IllegalStateException(spec.kind.name());
        }
    }

    /**
     * An error about the current value of {@code key}, for checks done by a consumer (e.g. "{@code
     * *} cannot be combined with credentials"). Names key, source and value (unless secret).
     *
     * @param problem what is wrong and what was expected
     */
    public LoginRocketConfigException invalid(String key, String problem) {
        return lookup(key)
                .map(v -> invalid(v, problem))
                .orElseGet(() -> new LoginRocketConfigException(
                        this.key(key), null, List.of(this.key(key) + " (not set): " + problem)));
    }

    private static LoginRocketConfigException invalid(ConfigValue v, String problem) {
        String shown = v.isSecret() ? " (secret, value not shown)" : "='" + v.value() + "'";
        return new LoginRocketConfigException(
                v.key(), v.sourceName(), List.of(v.key() + shown + " from " + v.location() + ": " + problem));
    }

    private LoginRocketConfigException missing(String key, String expected) {
        String full = key(key);
        StringBuilder where = new StringBuilder();
        for (ConfigSource source : sources) {
            where.append(where.length() == 0 ? "" : ", ").append(source.location(full));
        }
        return new LoginRocketConfigException(
                full,
                null,
                List.of(full + " is missing: expected " + expected
                        + (where.length() == 0 ? "; no configuration source is installed" : "; set one of: " + where)));
    }

    private static boolean isPositive(String key) {
        LoginRocketKeys.Spec spec = LoginRocketKeys.spec(relative(key));
        return spec != null && spec.positive;
    }

    private static String relative(String key) {
        Objects.requireNonNull(key, "key");
        return key.startsWith(LoginRocketKeys.PREFIX) ? key.substring(LoginRocketKeys.PREFIX.length()) : key;
    }

    @Override
    public String toString() {
        return "LoginRocketConfig[realm=" + (realm == null ? "default" : realm) + ", sources=" + sources + "]";
    }

    /**
     * Collects sources; {@link #build()} orders them by {@link ConfigSource#ordinal()}, highest
     * first (sources with equal ordinals keep the order they were added in).
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<ConfigSource> sources = new ArrayList<>();

        private Builder() {}

        /** Adds a source. */
        public Builder source(ConfigSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Adds the JVM system properties and the process environment. */
        public Builder systemSources() {
            return source(ConfigSources.systemProperties()).source(ConfigSources.environment());
        }

        /**
         * Adds every {@link ConfigSource} registered in {@code META-INF/services/}{@code
         * io.github.lrjakarta.core.config.ConfigSource} visible to the class loader: how an
         * optional integration (MicroProfile Config) plugs in without a compile-time dependency.
         * Each needs a public no-argument constructor.
         */
        public Builder discoveredSources(ClassLoader classLoader) {
            ServiceLoader.load(ConfigSource.class, classLoader).forEach(this::source);
            return this;
        }

        /** The configuration of the default realm. */
        public LoginRocketConfig build() {
            List<ConfigSource> sorted = new ArrayList<>(sources);
            sorted.sort(Comparator.comparingInt(ConfigSource::ordinal).reversed());
            return new LoginRocketConfig(List.copyOf(sorted), null);
        }
    }
}
