package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import java.util.Optional;

@FunctionalInterface
public interface ShowSurveyUseCase {

    Optional<Survey> show(SurveyId surveyId);
}
