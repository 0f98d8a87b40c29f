package fi.palaute.application.port.in.survey;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.TemplateSlot;
import java.util.List;

public sealed interface ChangeSurveyResult {

    record Changed(Survey survey) implements ChangeSurveyResult {
    }

    record NotFound() implements ChangeSurveyResult {
    }

    record UnknownPartner(PartnerId partnerId) implements ChangeSurveyResult {
    }

    /** The change breaks the survey's life rules (a closed survey, a fixed part changed); the reason names it. */
    record Refused(String reason) implements ChangeSurveyResult {
    }

    /** It cannot go active: these templates are missing (R-TEMPLATE). */
    record MissingTemplates(List<TemplateSlot> missing) implements ChangeSurveyResult {
        public MissingTemplates {
            missing = List.copyOf(missing);
        }
    }
}
