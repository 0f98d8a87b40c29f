package fi.palaute.domain.report;

import fi.palaute.domain.response.NpsCounts;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a published report: a period and the values of the dimensions it is broken down by (none for the
 * period's total), with its counts, or empty when disclosure control suppressed it (R-KANON).
 */
public record ReportCell(Period period, Map<Dimension, String> values, Optional<NpsCounts> counts) {

    public ReportCell {
        Objects.requireNonNull(period, "period");
        values = Map.copyOf(values);
        Objects.requireNonNull(counts, "counts");
    }

    public boolean suppressed() {
        return counts.isEmpty();
    }
}
