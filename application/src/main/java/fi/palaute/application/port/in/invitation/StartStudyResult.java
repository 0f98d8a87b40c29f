package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.DecisionReason;
import java.util.List;
import java.util.Objects;

public sealed interface StartStudyResult {

    /** One decision per customer, in list order. */
    record Started(List<InviteeOutcome> outcomes) implements StartStudyResult {
        public Started {
            outcomes = List.copyOf(outcomes);
        }
    }

    record NoSuchSurvey() implements StartStudyResult {
    }

    /** Not an active study survey; the reason says which. Nothing was recorded. */
    record NotStartable(String reason) implements StartStudyResult {
        public NotStartable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record InviteeOutcome(CustomerId customerId, DecisionReason reason) {
        public InviteeOutcome {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
