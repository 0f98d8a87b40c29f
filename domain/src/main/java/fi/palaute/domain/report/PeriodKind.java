package fi.palaute.domain.report;

/**
 * The calendar buckets a report offers (R-REPORT), in Finnish time. Months, quarters and years nest (a quarter is
 * exactly its three months), so they are counted by month; ISO weeks do not nest in months and are counted apart.
 */
public enum PeriodKind {
    ISO_WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The grain whose counters a period of this kind is summed from. */
    public CountGrain grain() {
        return this == ISO_WEEK ? CountGrain.WEEK : CountGrain.MONTH;
    }
}
