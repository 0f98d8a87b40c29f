package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.ListSurveysUseCase;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.survey.Survey;
import java.util.List;
import java.util.Objects;

public final class ListSurveysService implements ListSurveysUseCase {

    private final SurveyRepository surveys;

    public ListSurveysService(SurveyRepository surveys) {
        this.surveys = Objects.requireNonNull(surveys);
    }

    @Override
    public List<Survey> list() {
        return surveys.findAll();
    }
}
