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
        name = validName(name);
    }

    /** The name without surrounding spaces, or an {@link IllegalArgumentException} saying what is wrong. */
    public static String validName(String name) {
        Objects.requireNonNull(name, "name");
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters, with no control characters");
        }
        return stripped;
    }
}
