package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.SurveyId;
import java.util.Objects;

/** The decision recorded for one event (or study row) and one survey: the reason is the whole answer. */
public record SurveyDecision(SurveyId surveyId, DecisionReason reason) {

    public SurveyDecision {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(reason, "reason");
    }
}
