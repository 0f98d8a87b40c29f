package fi.palaute.domain.report;

/**
 * The two grains answers are counted at when they are stored: each answer adds one to a week counter and one to a
 * month counter. Quarters and years are sums of months.
 */
public enum CountGrain {
    WEEK,
    MONTH
}
