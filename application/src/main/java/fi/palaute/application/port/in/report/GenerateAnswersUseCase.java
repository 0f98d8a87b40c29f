package fi.palaute.application.port.in.report;

import fi.palaute.domain.survey.SurveyId;
import java.util.Objects;

/**
 * Fills a survey with generated identified answers spread over the last months, with channel trends, languages and
 * controllers that look like a bank's: a living dashboard for demo mode, and a million answers for the report
 * benchmark. The answers name generated customers ({@code gen-…}), never real ones, and have no comments.
 */
@FunctionalInterface
public interface GenerateAnswersUseCase {

    /** How many answers were stored. */
    long generate(Command command);

    record Command(SurveyId surveyId, long count, int months, long seed) {

        public Command {
            Objects.requireNonNull(surveyId, "surveyId");
            if (count < 1 || count > 100_000_000L) {
                throw new IllegalArgumentException("count: 1-100,000,000");
            }
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("months: 1-120");
            }
        }
    }
}
