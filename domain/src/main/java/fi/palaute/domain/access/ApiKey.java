package fi.palaute.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored key: its hash, never its text. A partner key names its partner; no other key does. */
public record ApiKey(
        String keyId,
        ApiKeyHash hash,
        Role role,
        Optional<PartnerId> partnerId,
        String label,
        RequestBudget budget,
        Instant createdAt) {

    public static final int MAX_LABEL_LENGTH = 100;

    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((role == Role.PARTNER) != partnerId.isPresent()) {
            throw new IllegalArgumentException("a PARTNER key is bound to one partner, and only a PARTNER key is");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must be at most " + MAX_LABEL_LENGTH + " characters");
        }
    }
}
