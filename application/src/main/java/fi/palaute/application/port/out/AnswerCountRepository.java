package fi.palaute.application.port.out;

import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import java.util.List;

/**
 * The counters reports read (R-REPORT): answers per week part (the days of one ISO week in one month, see
 * {@link fi.palaute.domain.report.AnswerBuckets}), survey, channel, controller, language and category, kept up to
 * date by {@link AnswerRepository} in the transaction that stores (or, for anonymous answers, releases) each answer.
 * Reading costs the number of counter rows in the range, not the number of answers.
 */
public interface AnswerCountRepository {

    /**
     * The counts of every part of the ISO weeks from {@code fromWeek} to {@code toWeek} (both included), summed over
     * everything but {@code by}: one cell per week part and combination of {@code by}'s values that has answers.
     * A study's answers have no channel; they count under the channel value {@code "NONE"}.
     */
    List<CountCell> counts(Period fromWeek, Period toWeek, List<Dimension> by);
}
