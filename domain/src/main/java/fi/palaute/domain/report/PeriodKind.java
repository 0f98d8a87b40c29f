package fi.palaute.domain.report;

/**
 * The calendar buckets a report offers (R-REPORT), in Finnish time. Months, quarters and years nest (a quarter is
 * exactly its three months); ISO weeks do not nest in months, so answers are counted by week part
 * ({@link AnswerBuckets}: the days of one week in one month), of which both weeks and months are sums.
 */
public enum PeriodKind {
    ISO_WEEK,
    MONTH,
    QUARTER,
    YEAR
}
