package fi.palaute.domain.response;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer as it is stored: its comment already scrubbed (R-PII). Identified answers keep their respondent until
 * the link is removed (after 24 months or on an erasure request); anonymous ones never have one (R-ANON).
 */
public sealed interface StoredAnswer {

    String answerId();

    AnswerContext context();

    NpsScore score();

    Optional<ScrubbedComment> comment();

    /**
     * An answer that knows its customer and invitation. {@code answerId} is time-ordered (it is no secret when an
     * identified answer was given).
     */
    record IdentifiedAnswer(
            String answerId,
            AnswerContext context,
            CustomerId customerId,
            String invitationId,
            NpsScore score,
            Optional<ScrubbedComment> comment,
            boolean contactAllowed,
            Instant answeredAt) implements StoredAnswer {

        public IdentifiedAnswer {
            Objects.requireNonNull(answerId, "answerId");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }

        /** R-FOLLOWUP: a detractor who allowed contact. */
        public boolean opensFollowUp() {
            return contactAllowed && score.category() == NpsCategory.DETRACTOR;
        }
    }

    /**
     * An answer to an anonymous survey: no customer, no invitation, no token, no time finer than the ISO week, and an
     * id of random bits (a time-ordered one would tell when it was given), so nothing stored leads back to anyone.
     */
    record AnonymousAnswer(
            String answerId,
            AnswerContext context,
            NpsScore score,
            Optional<ScrubbedComment> comment,
            IsoWeek week) implements StoredAnswer {

        public AnonymousAnswer {
            Objects.requireNonNull(answerId, "answerId");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(week, "week");
        }
    }
}
