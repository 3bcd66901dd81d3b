package io.github.lrjakarta.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The e-mails the emulated realm sent (password reset, e-mail verification, invitations), in order.
 * Nothing leaves the process. Thread-safe.
 *
 * @since 0.1
 */
public final class Outbox {

    private final List<OutboxMessage> messages = new ArrayList<>();

    Outbox() {
    }

    /** Every message, oldest first. */
    public synchronized List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages to one address (case-insensitive), oldest first. */
    public synchronized List<OutboxMessage> messagesTo(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return messages.stream().filter(m -> m.to().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /** The newest message to an address. */
    public Optional<OutboxMessage> latest(String email) {
        List<OutboxMessage> to = messagesTo(email);
        return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
    }

    /** The newest message of a type to an address. */
    public Optional<OutboxMessage> latest(String email, OutboxMessage.Type type) {
        List<OutboxMessage> to = messagesTo(email);
        for (int i = to.size() - 1; i >= 0; i--) {
            if (to.get(i).type() == type) {
                return Optional.of(to.get(i));
            }
        }
        return Optional.empty();
    }

    /** Empties the outbox. */
    public synchronized void clear() {
        messages.clear();
    }

    synchronized void add(OutboxMessage message) {
        messages.add(message);
    }
}
