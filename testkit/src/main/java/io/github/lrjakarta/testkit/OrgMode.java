package io.github.lrjakarta.testkit;

/**
 * How a realm maps users to accounts (orgs), as the realm setting {@code org_mode}.
 *
 * @since 0.1
 */
public enum OrgMode {
    /**
     * Each user works in one account of their own: a session selects the user's first membership
     * automatically, and a user without any membership gets an account created on first login.
     */
    SINGLE_USER("single_user"),
    /**
     * Users may belong to several accounts: until an account is chosen (the {@code account}
     * parameter), a session is a {@code conditional_login} with the condition
     * {@code no_account_selected}.
     */
    MULTI_USER("multi_user");

    private final String wireName;

    OrgMode(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in fixtures and by AuthRocket ({@code single_user}, {@code multi_user}). */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static OrgMode fromWireName(String value) {
        for (OrgMode mode : values()) {
            if (mode.wireName.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("org_mode must be single_user or multi_user, got: " + value);
    }
}
