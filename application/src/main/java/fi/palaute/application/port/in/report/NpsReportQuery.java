package fi.palaute.application.port.in.report;

import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import java.util.List;
import java.util.Objects;

/**
 * A report over whole periods of one kind, {@code from} to {@code to} inclusive, broken down by at most two
 * dimensions (R-REPORT). Free date ranges cannot be asked: a {@link Period} is a whole week, month, quarter or year.
 */
public record NpsReportQuery(PeriodKind kind, Period from, Period to, List<Dimension> by) {

    public NpsReportQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        by = List.copyOf(by);
        if (from.kind() != kind || to.kind() != kind) {
            throw new IllegalArgumentException("from and to must be " + kind + " periods");
        }
        if (by.size() > 2 || by.stream().distinct().count() != by.size()) {
            throw new IllegalArgumentException("by: at most two different dimensions");
        }
        Period.range(from, to); // refuses a reversed or too long range
    }

    public List<Period> periods() {
        return Period.range(from, to);
    }
}
