package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.survey.Language;
import java.util.Objects;
import java.util.Optional;

/** A row of a study's customer list; without a language, the survey's first is used. */
public record StudyInvitee(CustomerId customerId, Optional<Language> language, ContactPoints contactPoints) {

    public StudyInvitee {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contactPoints, "contactPoints");
    }
}
