package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Finnish days from {@code from} to {@code to}, both included, at most {@value #MAX_DAYS} of them. */
public record ShowFunnelQuery(SurveyId surveyId, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public ShowFunnelQuery {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("a funnel covers at most " + MAX_DAYS + " days");
        }
    }
}
