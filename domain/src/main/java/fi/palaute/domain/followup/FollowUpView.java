package fi.palaute.domain.followup;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.survey.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up with what the team needs from its answer: whom to contact (absent once the answer's customer link is
 * removed), the score, the scrubbed comment and the language to speak. {@link #toString()} hides the comment.
 */
public record FollowUpView(
        FollowUp followUp, Optional<CustomerId> customerId, NpsScore score, Optional<String> comment,
        Language language) {

    public FollowUpView {
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        return "FollowUpView[followUp=" + followUp + ", customer=" + (customerId.isPresent() ? "<linked>" : "<none>")
                + ", score=" + score.value() + ", comment=" + (comment.isPresent() ? "<given>" : "<none>")
                + ", language=" + language + "]";
    }
}
