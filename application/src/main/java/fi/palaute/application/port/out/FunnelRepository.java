package fi.palaute.application.port.out;

import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.List;

/** Counters per survey, Finnish day and step, kept up to date in the transaction that decides. */
public interface FunnelRepository {

    /** Adds each count to its counter (creating it at zero first). */
    void add(List<FunnelCount> counts);

    /** The survey's counters from {@code from} to {@code to}, both included, by day and step. */
    List<FunnelCount> find(SurveyId surveyId, LocalDate from, LocalDate to);
}
