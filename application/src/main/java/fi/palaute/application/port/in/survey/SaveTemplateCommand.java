package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.Objects;

/** A template as its author wrote it; an SMS has an empty subject. */
public record SaveTemplateCommand(SurveyId surveyId, TemplateSlot slot, String subject, String body) {

    public SaveTemplateCommand {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
