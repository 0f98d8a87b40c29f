package fi.palaute.domain.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week in Finnish time, such as {@code 2026-W48}: the finest time an anonymous answer keeps (R-ANON).
 * Its Thursday decides the month, quarter and year it counts in (R-REPORT), as the ISO rule does for the year.
 */
public record IsoWeek(int weekBasedYear, int week) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (weekBasedYear < 1970 || weekBasedYear > 9999) {
            throw new IllegalArgumentException("year must be 1970-9999");
        }
        int weeksInYear = (int) LocalDate.of(weekBasedYear, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException("week must be 1-" + weeksInYear + " in " + weekBasedYear);
        }
    }

    /** The week the instant falls in, in Finnish time. */
    public static IsoWeek containing(Instant instant) {
        return of(FinnishTime.dayOf(Objects.requireNonNull(instant, "instant")));
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Reads {@code 2026-W48}. */
    public static IsoWeek parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) {
            throw new IllegalArgumentException("an ISO week looks like 2026-W48");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate monday() {
        return LocalDate.of(weekBasedYear, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The day whose month, quarter and year the week counts in. */
    public LocalDate thursday() {
        return monday().plusDays(3);
    }

    /** The first instant of the week in Finnish time. */
    public Instant start() {
        return monday().atStartOfDay(FinnishTime.ZONE).toInstant();
    }

    @Override
    public int compareTo(IsoWeek other) {
        return weekBasedYear != other.weekBasedYear
                ? Integer.compare(weekBasedYear, other.weekBasedYear)
                : Integer.compare(week, other.week);
    }

    /** {@code 2026-W48}; built by hand, as every answer counted names its week (String.format costs more). */
    @Override
    public String toString() {
        return weekBasedYear + (week < 10 ? "-W0" : "-W") + week; // the year has four digits (1970-9999)
    }
}
