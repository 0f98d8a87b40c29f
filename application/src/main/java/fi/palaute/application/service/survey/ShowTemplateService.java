package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.ShowTemplateUseCase;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.Objects;
import java.util.Optional;

public final class ShowTemplateService implements ShowTemplateUseCase {

    private final TemplateRepository templates;

    public ShowTemplateService(TemplateRepository templates) {
        this.templates = Objects.requireNonNull(templates);
    }

    @Override
    public Optional<InvitationTemplate> show(SurveyId surveyId, TemplateSlot slot) {
        return templates.find(surveyId, slot);
    }
}
