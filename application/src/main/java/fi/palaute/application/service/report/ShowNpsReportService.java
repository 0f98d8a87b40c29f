package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.DisclosureControl;
import fi.palaute.domain.report.Period;
import java.util.List;
import java.util.Objects;

/**
 * Reads the counters, never the answers, and publishes them through disclosure control, which protects a whole year
 * at a time (its weeks, months, quarters and the year together), so the week parts of every year the range touches
 * are read, whatever the kind of period asked for.
 */
public final class ShowNpsReportService implements ShowNpsReportUseCase {

    private final AnswerCountRepository counts;
    private final DisclosureControl disclosureControl;
    private final int k;

    public ShowNpsReportService(AnswerCountRepository counts, int k) {
        this.counts = Objects.requireNonNull(counts);
        this.disclosureControl = new DisclosureControl(k);
        this.k = k;
    }

    @Override
    public NpsReport show(NpsReportQuery query) {
        List<Period> periods = query.periods();
        List<CountCell> base = counts.counts(DisclosureControl.firstWeekToRead(periods),
                DisclosureControl.lastWeekToRead(periods), query.by());
        return new NpsReport(query, k, disclosureControl.protect(query.kind(), periods, query.by(), base));
    }
}
