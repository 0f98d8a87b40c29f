package fi.palaute.application.port.out;

import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import java.util.List;
import java.util.Optional;

public interface SurveyRepository {

    void insert(Survey survey);

    Optional<Survey> find(SurveyId id);

    /** Every survey, oldest first. */
    List<Survey> findAll();

    /** Replaces the stored survey with the same id; false when there is none. */
    boolean update(Survey survey);

    /** The surveys that decide on service events now: transactional and active, oldest first. */
    List<Survey> findActiveTransactional();
}
