package fi.palaute.domain.consent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's prohibition changes in the order they took effect. The current state must always be what
 * replaying the history gives; that is how the stored state and its history are checked against each other.
 */
public record ProhibitionHistory(CustomerId customerId, List<ProhibitionChange> changes) {

    public ProhibitionHistory {
        Objects.requireNonNull(customerId, "customerId");
        changes = List.copyOf(changes);
        ProhibitionAction previous = ProhibitionAction.LIFTED;
        for (ProhibitionChange change : changes) {
            if (!change.customerId().equals(customerId)) {
                throw new IllegalArgumentException("a history holds one customer's changes");
            }
            if (change.action() == previous) {
                throw new IllegalArgumentException("a history alternates SET and LIFTED, starting with SET");
            }
            previous = change.action();
        }
    }

    /** The prohibition in force after the last change, if any. */
    public Optional<Prohibition> current() {
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        ProhibitionChange last = changes.get(changes.size() - 1);
        return last.action() == ProhibitionAction.SET
                ? Optional.of(new Prohibition(customerId, last.actor(), last.at()))
                : Optional.empty();
    }
}
