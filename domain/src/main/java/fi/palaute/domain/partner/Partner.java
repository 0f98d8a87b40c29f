package fi.palaute.domain.partner;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.Objects;

/** A survey partner: a data processor that delivers invitations on the bank's behalf (R-PROCESSOR). */
public record Partner(PartnerId id, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters, with no control characters");
        }
    }
}
