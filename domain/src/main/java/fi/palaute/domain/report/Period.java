package fi.palaute.domain.report;

import fi.palaute.domain.shared.IsoWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole calendar period of a kind, named as reports name it: {@code 2026-W48}, {@code 2026-11},
 * {@code 2026-Q4}, {@code 2026}. Periods of one kind sort by their key.
 */
public record Period(PeriodKind kind, String key) implements Comparable<Period> {

    /** The longest range one report may ask for, in periods: ten years of weeks. */
    public static final int MAX_RANGE = 530;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        firstDay(kind, key); // refuses a key that names no period of the kind
    }

    /** Reads a key of the kind, such as {@code 2026-W48} for an ISO week; refuses anything else. */
    public static Period parse(PeriodKind kind, String key) {
        return new Period(kind, key);
    }

    /** The period of this kind that the day falls in. */
    public static Period containing(PeriodKind kind, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return switch (kind) {
            case ISO_WEEK -> new Period(kind, IsoWeek.of(day).toString());
            case MONTH -> new Period(kind, YearMonth.from(day).toString());
            case QUARTER -> new Period(kind, day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> new Period(kind, String.valueOf(day.getYear()));
        };
    }

    public LocalDate firstDay() {
        return firstDay(kind, key);
    }

    /** The period after this one. */
    public Period next() {
        return switch (kind) {
            case ISO_WEEK -> containing(kind, firstDay().plusWeeks(1));
            case MONTH -> containing(kind, firstDay().plusMonths(1));
            case QUARTER -> containing(kind, firstDay().plusMonths(3));
            case YEAR -> containing(kind, firstDay().plusYears(1));
        };
    }

    /** Every period from {@code from} to {@code to}, both included, of one kind; at most {@value #MAX_RANGE}. */
    public static List<Period> range(Period from, Period to) {
        if (from.kind() != to.kind()) {
            throw new IllegalArgumentException("from and to must be periods of one kind");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("from must not come after to");
        }
        List<Period> periods = new ArrayList<>();
        for (Period period = from; period.compareTo(to) <= 0; period = period.next()) {
            if (periods.size() == MAX_RANGE) {
                throw new IllegalArgumentException("a report covers at most " + MAX_RANGE + " periods");
            }
            periods.add(period);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        if (kind != other.kind) {
            throw new IllegalArgumentException("periods of different kinds do not compare");
        }
        return key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return key;
    }

    private static LocalDate firstDay(PeriodKind kind, String key) {
        try {
            switch (kind) {
                case ISO_WEEK:
                    return IsoWeek.parse(key).monday();
                case MONTH: {
                    Matcher m = MONTH.matcher(key);
                    if (m.matches()) {
                        return checkedYear(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                .atDay(1));
                    }
                    break;
                }
                case QUARTER: {
                    Matcher m = QUARTER.matcher(key);
                    if (m.matches()) {
                        return checkedYear(LocalDate.of(Integer.parseInt(m.group(1)),
                                (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
                    }
                    break;
                }
                case YEAR:
                    if (YEAR.matcher(key).matches()) {
                        return checkedYear(LocalDate.of(Integer.parseInt(key), 1, 1));
                    }
                    break;
                default:
                    break;
            }
        } catch (java.time.DateTimeException | IllegalArgumentException wrong) {
            // falls through to the refusal below, which names the expected form
        }
        throw new IllegalArgumentException("a " + kind + " period looks like " + example(kind));
    }

    private static LocalDate checkedYear(LocalDate day) {
        if (day.getYear() < 1970 || day.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return day;
    }

    private static String example(PeriodKind kind) {
        return switch (kind) {
            case ISO_WEEK -> "2026-W48";
            case MONTH -> "2026-11";
            case QUARTER -> "2026-Q4";
            case YEAR -> "2026";
        };
    }
}
