package fi.palaute.domain.report;

import fi.palaute.domain.response.NpsCounts;
import java.util.Map;
import java.util.Objects;

/**
 * How many answers of each category one week part (the days of one ISO week that fall in one month, see
 * {@link AnswerBuckets}) holds for one combination of the dimensions a report breaks down by (exactly those
 * dimensions; none for the total). What reports are made of, read from the counters kept as answers are stored;
 * never an answer itself. Every week and every month is a sum of week parts.
 */
public record CountCell(AnswerBuckets part, Map<Dimension, String> values, NpsCounts counts) {

    public CountCell {
        Objects.requireNonNull(part, "part");
        values = Map.copyOf(values);
        Objects.requireNonNull(counts, "counts");
    }
}
