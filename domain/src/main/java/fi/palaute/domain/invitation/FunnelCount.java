package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.Objects;

/** How many events (or study rows) reached one step for one survey on one Finnish day. No customer in it. */
public record FunnelCount(SurveyId surveyId, LocalDate day, FunnelStep step, long count) {

    public FunnelCount {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(step, "step");
        if (count < 1) {
            throw new IllegalArgumentException("a funnel count is positive");
        }
    }
}
