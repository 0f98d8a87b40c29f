package fi.palaute.application.port.in.report;

import fi.palaute.domain.report.ReportCell;
import java.util.List;

/**
 * NPS per period and breakdown, as summaries no one can be picked out of (R-REPORT, R-KANON): read from counters
 * kept as answers are stored, never from answers, and put through disclosure control with threshold {@code k}.
 */
@FunctionalInterface
public interface ShowNpsReportUseCase {

    NpsReport show(NpsReportQuery query);

    /** Every cell the report publishes or suppresses, in order: per period its total, then its breakdowns. */
    record NpsReport(NpsReportQuery query, int k, List<ReportCell> cells) {

        public NpsReport {
            cells = List.copyOf(cells);
        }
    }
}
