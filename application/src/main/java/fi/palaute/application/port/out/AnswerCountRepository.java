package fi.palaute.application.port.out;

import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.report.Dimension;
import java.util.List;

/**
 * The counters reports read (R-REPORT): answers per week and per month, survey, channel, controller, language and
 * category, kept up to date by {@link AnswerRepository} in the transaction that stores (or, for anonymous answers,
 * releases) each answer. Reading costs the number of counter rows in the range, not the number of answers.
 */
public interface AnswerCountRepository {

    /**
     * The counts of every period of the grain from {@code fromKey} to {@code toKey} (period keys, both included),
     * summed over everything but {@code by}: one cell per period and combination of {@code by}'s values that has
     * answers. A study's answers have no channel; they count under the channel value {@code "NONE"}.
     */
    List<CountCell> counts(CountGrain grain, String fromKey, String toKey, List<Dimension> by);
}
