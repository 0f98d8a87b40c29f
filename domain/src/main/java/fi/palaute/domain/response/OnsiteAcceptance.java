package fi.palaute.domain.response;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's answer to an invitation to an interview (R-CHANNELS, {@code ONSITE}): no, or yes with the time and
 * place agreed. {@code place} is free text a partner typed, so it is scrubbed before it is stored.
 */
public sealed interface OnsiteAcceptance {

    int MAX_PLACE_LENGTH = 200;

    record Declined() implements OnsiteAcceptance {
    }

    record Accepted(Instant meetingAt, String place) implements OnsiteAcceptance {

        public Accepted {
            Objects.requireNonNull(meetingAt, "meetingAt");
            Objects.requireNonNull(place, "place");
            place = place.strip();
            if (place.isEmpty() || place.codePointCount(0, place.length()) > MAX_PLACE_LENGTH
                    || place.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "place: 1-" + MAX_PLACE_LENGTH + " characters, with no control characters");
            }
        }
    }
}
