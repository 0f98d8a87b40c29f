package fi.palaute.domain.report;

import fi.palaute.domain.shared.FinnishTime;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The week and the month an answer counts in (R-REPORT): a week part, the days of one ISO week that fall in one
 * month, the finest bucket answers are counted in (a week is its one or two parts, a month the parts of the weeks
 * it touches). An identified answer counts in the period it was given, by its Finnish day. An anonymous answer is
 * kept only to its ISO week, so it counts in that week and in the month of the week's Thursday (the ISO rule, as for
 * the year), and so does nothing finer than the week decide where it goes.
 */
public record AnswerBuckets(Period week, Period month) {

    public AnswerBuckets {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(month, "month");
        if (week.kind() != PeriodKind.ISO_WEEK || month.kind() != PeriodKind.MONTH) {
            throw new IllegalArgumentException("a week and a month");
        }
        LocalDate monday = week.firstDay();
        YearMonth yearMonth = YearMonth.parse(month.key());
        if (!YearMonth.from(monday).equals(yearMonth) && !YearMonth.from(monday.plusDays(6)).equals(yearMonth)) {
            throw new IllegalArgumentException(week + " has no day in " + month);
        }
    }

    public static AnswerBuckets ofIdentified(Instant answeredAt) {
        var day = FinnishTime.dayOf(answeredAt);
        return new AnswerBuckets(Period.containing(PeriodKind.ISO_WEEK, day), Period.containing(PeriodKind.MONTH, day));
    }

    public static AnswerBuckets ofAnonymous(IsoWeek week) {
        return new AnswerBuckets(new Period(PeriodKind.ISO_WEEK, week.toString()),
                Period.containing(PeriodKind.MONTH, week.thursday()));
    }
}
