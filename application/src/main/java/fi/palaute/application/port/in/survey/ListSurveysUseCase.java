package fi.palaute.application.port.in.survey;

import fi.palaute.domain.survey.Survey;
import java.util.List;

@FunctionalInterface
public interface ListSurveysUseCase {

    /** Every survey, oldest first. */
    List<Survey> list();
}
