package io.github.lrjakarta.core;

import io.github.lrjakarta.core.internal.UserAgents;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings that override the client's defaults for one LoginRocket request.
 *
 * <ul>
 *   <li>{@link Builder#locale(Locale) locale}: sent as {@code Accept-Language}, so that LoginRocket
 *       localises the messages of this call (supported: {@code en}, {@code es}, {@code ja}). Default:
 *       the client's locale, or no header.
 *   <li>{@link Builder#endUserAgent(String) endUserAgent}: the {@code User-Agent} of the browser the
 *       call is made for. LoginRocket records the {@code User-Agent} of the call that creates or
 *       refreshes a session as that session's client, so forwarding the browser's value makes the
 *       session list show "Firefox on Linux" instead of this library. See {@link LoginRocketClient}
 *       for how the library still identifies itself.
 *   <li>{@link Builder#retryPolicy(RetryPolicy) retryPolicy}: how often and how long this call may
 *       be tried. Default: the client's policy. The servlet filter and the CDI extension bind
 *       {@link RetryPolicy#none()} for every request they serve, so a request thread never sleeps
 *       between attempts; code off the request path (a scheduled job) keeps the client's policy or
 *       asks for its own.
 * </ul>
 *
 * <p>An unset field falls back to the options bound to the current thread by {@link CallContext}
 * (the servlet filter binds the browser's values there), then to the client's defaults. Instances
 * are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CallOptions {

    private static final CallOptions NONE = new CallOptions(null, null, null);
    private static final CallOptions ONE_ATTEMPT = new CallOptions(null, null, RetryPolicy.none());

    private final Locale locale;
    private final String endUserAgent;
    private final RetryPolicy retryPolicy;

    private CallOptions(Locale locale, String endUserAgent, RetryPolicy retryPolicy) {
        this.locale = locale;
        this.endUserAgent = endUserAgent;
        this.retryPolicy = retryPolicy;
    }

    /** Options that override nothing. */
    public static CallOptions none() {
        return NONE;
    }

    /**
     * Options that allow one attempt ({@link RetryPolicy#none()}) and override nothing else: what every
     * call the library makes on a request thread passes, so that thread never sleeps between attempts.
     *
     * @since 0.2
     */
    public static CallOptions oneAttempt() {
        return ONE_ATTEMPT;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The locale for {@code Accept-Language}, if set. */
    public Optional<Locale> locale() {
        return Optional.ofNullable(locale);
    }

    /** The end user's (browser's) {@code User-Agent}, if set; already stripped of control characters. */
    public Optional<String> endUserAgent() {
        return Optional.ofNullable(endUserAgent);
    }

    /**
     * The retry policy for this call, if set.
     *
     * @since 0.2
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * These options with every unset field taken from {@code fallback}.
     *
     * @param fallback the options to fill gaps from, e.g. the thread-bound ones
     * @return the merged options (this instance if nothing needed filling)
     */
    public CallOptions orElse(CallOptions fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if ((locale != null || fallback.locale == null)
                && (endUserAgent != null || fallback.endUserAgent == null)
                && (retryPolicy != null || fallback.retryPolicy == null)) {
            return this;
        }
        return new CallOptions(
                locale != null ? locale : fallback.locale,
                endUserAgent != null ? endUserAgent : fallback.endUserAgent,
                retryPolicy != null ? retryPolicy : fallback.retryPolicy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallOptions other
                && Objects.equals(locale, other.locale)
                && Objects.equals(endUserAgent, other.endUserAgent)
                && Objects.equals(retryPolicy, other.retryPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locale, endUserAgent, retryPolicy);
    }

    @Override
    public String toString() {
        return "CallOptions[locale=" + locale + ", endUserAgent=" + endUserAgent + ", retryPolicy=" + retryPolicy + "]";
    }

    /**
     * Builds {@link CallOptions}. Not thread-safe; the built options are.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Locale locale;
        private String endUserAgent;
        private RetryPolicy retryPolicy;

        private Builder() {}

        /**
         * The locale to send as {@code Accept-Language} for this call.
         *
         * @param locale the locale, or {@code null} to fall back to the bound or client locale
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /**
         * The end user's {@code User-Agent}, usually copied from the incoming browser request.
         *
         * <p>The value comes from an untrusted client, so control characters are removed and it is
         * cut to {@value io.github.lrjakarta.core.internal.UserAgents#MAX_END_USER_AGENT_LENGTH}
         * characters; a blank value counts as unset.
         *
         * @param endUserAgent the browser's User-Agent, or {@code null}
         * @return this builder
         */
        public Builder endUserAgent(String endUserAgent) {
            this.endUserAgent = UserAgents.sanitizeEndUserAgent(endUserAgent);
            return this;
        }

        /**
         * The retry policy for this call, e.g. {@link RetryPolicy#none()} for one attempt.
         *
         * @param retryPolicy the policy, or {@code null} to fall back to the bound or client policy
         * @return this builder
         * @since 0.2
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** The options; {@link CallOptions#none()} if nothing was set. */
        public CallOptions build() {
            return locale == null && endUserAgent == null && retryPolicy == null
                    ? NONE
                    : new CallOptions(locale, endUserAgent, retryPolicy);
        }
    }
}
