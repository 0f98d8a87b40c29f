package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.TemplateViolation;
import java.util.List;

public sealed interface SaveTemplateResult {

    record Saved(InvitationTemplate template) implements SaveTemplateResult {
    }

    /** R-TEMPLATE refused it; every violation names the field and the offending part. Nothing was stored. */
    record Refused(List<TemplateViolation> violations) implements SaveTemplateResult {
        public Refused {
            violations = List.copyOf(violations);
        }
    }

    record NoSuchSurvey() implements SaveTemplateResult {
    }

    /** A closed survey's templates stay as they were. */
    record SurveyClosed() implements SaveTemplateResult {
    }
}
