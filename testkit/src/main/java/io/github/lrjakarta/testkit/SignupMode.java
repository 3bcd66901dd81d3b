package io.github.lrjakarta.testkit;

/**
 * Whether a realm accepts new users, as the realm setting {@code signup}.
 *
 * @since 0.1
 */
public enum SignupMode {
    /** {@code POST /v2/signup} creates users; {@code POST /v2/signup/request} is refused. */
    OPEN("open"),
    /**
     * Users ask with {@code POST /v2/signup/request}; {@code POST /v2/signup} needs an
     * {@code invitation} token (see {@link LoginRocketEmulator#invite(String)}).
     */
    INVITATION("invitation"),
    /** Nobody can sign up. */
    CLOSED("closed");

    private final String wireName;

    SignupMode(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in fixtures ({@code open}, {@code invitation}, {@code closed}). */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SignupMode fromWireName(String value) {
        for (SignupMode mode : values()) {
            if (mode.wireName.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("signup must be open, invitation or closed, got: " + value);
    }
}
