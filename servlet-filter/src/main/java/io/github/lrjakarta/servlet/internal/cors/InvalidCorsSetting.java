package io.github.lrjakarta.servlet.internal.cors;

/**
 * A CORS setting that cannot work, found while building a policy. Carries the relative key
 * ({@code cors.allowed-origins}) and the problem separately so that a policy built from {@code
 * LoginRocketConfig} can report it with the realm's key, the source and the value; the message is
 * the default-realm form {@code loginrocket.cors.allowed-origins: <problem>}.
 */
public final class InvalidCorsSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key the relative key, e.g. {@code cors.allowed-origins}
     * @param problem what is wrong and what was expected
     */
    public InvalidCorsSetting(String key, String problem) {
        super("loginrocket." + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The relative key, e.g. {@code cors.allowed-origins}. */
    public String key() {
        return key;
    }

    /** What is wrong and what was expected, without the key. */
    public String problem() {
        return problem;
    }
}
