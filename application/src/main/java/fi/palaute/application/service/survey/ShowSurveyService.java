package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.ShowSurveyUseCase;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import java.util.Objects;
import java.util.Optional;

public final class ShowSurveyService implements ShowSurveyUseCase {

    private final SurveyRepository surveys;

    public ShowSurveyService(SurveyRepository surveys) {
        this.surveys = Objects.requireNonNull(surveys);
    }

    @Override
    public Optional<Survey> show(SurveyId surveyId) {
        return surveys.find(surveyId);
    }
}
