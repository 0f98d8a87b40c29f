package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.Optional;

@FunctionalInterface
public interface ShowTemplateUseCase {

    Optional<InvitationTemplate> show(SurveyId surveyId, TemplateSlot slot);
}
