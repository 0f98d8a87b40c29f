package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.SurveyDefinition;
import java.util.Objects;

/** A new survey starts as a draft. */
public record CreateSurveyCommand(SurveyDefinition definition) {

    public CreateSurveyCommand {
        Objects.requireNonNull(definition, "definition");
    }
}
