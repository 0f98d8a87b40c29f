package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.DisclosureControl;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import java.util.List;
import java.util.Objects;

/**
 * Reads the counters, never the answers, and publishes them through disclosure control. Months, quarters and years
 * are protected a whole calendar year at a time (a year is the sum of its months), so the counters of every year
 * the range touches are read; weeks are protected each on its own.
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
        String fromKey = query.kind() == PeriodKind.ISO_WEEK
                ? query.from().key() : query.from().firstDay().getYear() + "-01";
        String toKey = query.kind() == PeriodKind.ISO_WEEK
                ? query.to().key() : query.to().firstDay().getYear() + "-12";
        List<CountCell> base = counts.counts(query.kind().grain(), fromKey, toKey, query.by());
        return new NpsReport(query, k, disclosureControl.protect(query.kind(), periods, query.by(), base));
    }
}
