package fi.palaute.domain.report;

import fi.palaute.domain.response.NpsCounts;
import java.util.Map;
import java.util.Objects;

/**
 * How many answers of each category one period holds for one combination of the dimensions a report breaks down by
 * (exactly those dimensions; none for the period's total). What reports are made of, read from the counters kept
 * as answers are stored; never an answer itself.
 */
public record CountCell(Period period, Map<Dimension, String> values, NpsCounts counts) {

    public CountCell {
        Objects.requireNonNull(period, "period");
        values = Map.copyOf(values);
        Objects.requireNonNull(counts, "counts");
    }
}
