package fi.palaute.adapters.http.report;

import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase.NpsReport;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import fi.palaute.domain.response.NpsSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as every format shows it (JSON, CSV, the dashboard's table and chart): per cell its period, the values
 * of the dimensions asked for (in the order asked; none for a total), and either the figures rounded to one decimal
 * or nothing at all when the cell is suppressed (R-KANON). No answer and no comment is in it, because none is in
 * the report.
 * <p>
 * A published cell with no answers (a period's total in a period nobody answered in, such as a month still to come)
 * is shown as that, with no figures: zero answers is no individual, and a gap for a month to come is not a
 * suppression. Defence in depth: a cell the use case published with 1 to {@code k} − 1 answers (or fewer than 5,
 * the floor R-KANON sets) is shown as suppressed here.
 */
public record NpsReportView(NpsReportQuery query, int k, List<Row> rows) {

    /** R-KANON: k is never below 5. */
    static final int MIN_K = 5;

    public NpsReportView {
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
    }

    /**
     * One cell: suppressed (no figures), or published with its figures, or published with no answers (no figures
     * either). {@code values} holds only the query's dimensions, in the query's order.
     */
    public record Row(Period period, Map<Dimension, String> values, boolean suppressed, Optional<Figures> figures) {

        public Row {
            Objects.requireNonNull(period, "period");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            Objects.requireNonNull(figures, "figures");
            if (suppressed && figures.isPresent()) {
                throw new IllegalArgumentException("a suppressed cell has no figures");
            }
        }

        /** Published, with no answers in it. */
        public boolean noAnswers() {
            return !suppressed && figures.isEmpty();
        }

        public boolean isTotal() {
            return values.isEmpty();
        }
    }

    /** Percentages 0–100, NPS −100–100, the 95 % margin in NPS points; each rounded half up to one decimal. */
    public record Figures(long answers, BigDecimal promoters, BigDecimal passives, BigDecimal detractors,
            BigDecimal nps, BigDecimal margin) {
    }

    public static NpsReportView of(NpsReport report) {
        NpsReportQuery query = report.query();
        int threshold = Math.max(report.k(), MIN_K);
        List<Row> rows = report.cells().stream().map(cell -> row(query, threshold, cell)).toList();
        return new NpsReportView(query, report.k(), rows);
    }

    /** The name of a dimension in JSON and CSV: {@code channel}, {@code survey}, {@code controller}, {@code language}. */
    public static String fieldName(Dimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    private static Row row(NpsReportQuery query, int threshold, ReportCell cell) {
        Map<Dimension, String> values = new LinkedHashMap<>();
        for (Dimension dimension : query.by()) {
            String value = cell.values().get(dimension);
            if (value != null) {
                values.put(dimension, value);
            }
        }
        boolean noAnswers = cell.counts().filter(counts -> counts.n() == 0).isPresent();
        Optional<Figures> figures = cell.counts().filter(counts -> counts.n() >= threshold).map(NpsReportView::figures);
        return new Row(cell.period(), values, !noAnswers && figures.isEmpty(), figures);
    }

    private static Figures figures(NpsCounts counts) {
        NpsSummary.Measured measured = new NpsSummary.Measured(counts);
        return new Figures(counts.n(), oneDecimal(measured.promoterPercent()), oneDecimal(measured.passivePercent()),
                oneDecimal(measured.detractorPercent()), oneDecimal(measured.nps()),
                oneDecimal(measured.marginOfError()));
    }

    static BigDecimal oneDecimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(1) : rounded; // never -0.0
    }
}
