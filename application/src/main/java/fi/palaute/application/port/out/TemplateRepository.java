package fi.palaute.application.port.out;

import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.List;
import java.util.Optional;

public interface TemplateRepository {

    /** Stores the template, replacing the one in the same survey and slot. */
    void save(InvitationTemplate template);

    Optional<InvitationTemplate> find(SurveyId surveyId, TemplateSlot slot);

    /** The survey's templates, by channel and language. */
    List<InvitationTemplate> findBySurvey(SurveyId surveyId);
}
