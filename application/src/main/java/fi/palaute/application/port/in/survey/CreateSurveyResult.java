package fi.palaute.application.port.in.survey;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.survey.Survey;

public sealed interface CreateSurveyResult {

    record Created(Survey survey) implements CreateSurveyResult {
    }

    /** The survey names a partner that is not registered. */
    record UnknownPartner(PartnerId partnerId) implements CreateSurveyResult {
    }
}
