package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.util.Objects;

/** The whole definition and the state the survey should have from now on. */
public record ChangeSurveyCommand(SurveyId surveyId, SurveyDefinition definition, SurveyState state) {

    public ChangeSurveyCommand {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
    }
}
