package fi.palaute.application.service.invitation;

import fi.palaute.application.port.in.invitation.ShowFunnelQuery;
import fi.palaute.application.port.in.invitation.ShowFunnelUseCase;
import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.invitation.FunnelCount;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ShowFunnelService implements ShowFunnelUseCase {

    private final SurveyRepository surveys;
    private final FunnelRepository funnel;

    public ShowFunnelService(SurveyRepository surveys, FunnelRepository funnel) {
        this.surveys = Objects.requireNonNull(surveys);
        this.funnel = Objects.requireNonNull(funnel);
    }

    @Override
    public Optional<List<FunnelCount>> show(ShowFunnelQuery query) {
        return surveys.find(query.surveyId())
                .map(survey -> funnel.find(query.surveyId(), query.from(), query.to()));
    }
}
