package fi.palaute.domain.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Week parts for tests: where answers given on a day, or anonymously in a week, are counted. */
final class TestParts {

    private TestParts() {
    }

    /**
     * For tests that count answers by week or by month only, one part that holds them all. A week: its part in the
     * month of its Thursday (the whole week, for a week inside one month). A month: its part in the week that holds
     * its 8th day, as if every answer of the month had come in that week.
     */
    static AnswerBuckets partOf(Period period) {
        return switch (period.kind()) {
            case ISO_WEEK -> new AnswerBuckets(period,
                    Period.containing(PeriodKind.MONTH, period.firstDay().plusDays(3)));
            case MONTH -> new AnswerBuckets(Period.containing(PeriodKind.ISO_WEEK, period.firstDay().plusDays(7)),
                    period);
            default -> throw new IllegalArgumentException("answers are counted by week or month, not " + period);
        };
    }

    /** Where an identified answer given on the day counts. */
    static AnswerBuckets onDay(LocalDate day) {
        return new AnswerBuckets(Period.containing(PeriodKind.ISO_WEEK, day), Period.containing(PeriodKind.MONTH, day));
    }

    /** Where an anonymous answer given in the week counts: the month of the week's Thursday. */
    static AnswerBuckets anonymousIn(Period week) {
        return onDay(week.firstDay().plusDays(3));
    }

    /** n identified answers spread over the days of a period, one a day in turn: how many fall in each part. */
    static Map<AnswerBuckets, Long> spread(Period period, long n) {
        LocalDate first = period.firstDay();
        LocalDate end = period.next().firstDay();
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, end);
        Map<AnswerBuckets, Long> parts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            parts.merge(onDay(first.plusDays(i % days)), 1L, Long::sum);
        }
        return parts;
    }
}
