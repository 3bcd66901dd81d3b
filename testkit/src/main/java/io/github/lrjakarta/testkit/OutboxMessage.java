package io.github.lrjakarta.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail the emulated realm "sent". Immutable.
 *
 * @param to      recipient address
 * @param type    what the message is for
 * @param token   the token the message carries ({@code tpw:…}, {@code tve:…}, an invitation token), or
 *                {@code null} for messages without one
 * @param subject an English subject line, for humans reading test output
 * @param sentAt  emulator-clock time of sending
 * @since 0.1
 */
public record OutboxMessage(String to, Type type, String token, String subject, Instant sentAt) {

    /** The kinds of message the emulator sends. */
    public enum Type {
        /** {@code POST /v2/password/forgot}: carries a {@code tpw:} token for {@code /v2/password/reset}. */
        PASSWORD_RESET,
        /** Sign-up or an e-mail change: carries a {@code tve:} token for {@code /v2/email/verify}. */
        EMAIL_VERIFICATION,
        /** {@link LoginRocketEmulator#invite(String)}: carries the token for {@code /v2/signup}'s {@code invitation}. */
        INVITATION,
        /** {@code POST /v2/signup/request}: an acknowledgement without a token. */
        INVITATION_REQUEST
    }

    /** Validates the required parts. */
    public OutboxMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** The token, if the message carries one. */
    public Optional<String> tokenIfAny() {
        return Optional.ofNullable(token);
    }

    /** Never includes the token, so that test logs stay free of credentials. */
    @Override
    public String toString() {
        return "OutboxMessage[to=" + to + ", type=" + type + ", subject=" + subject + ", sentAt=" + sentAt + "]";
    }
}
