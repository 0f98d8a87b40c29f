package fi.palaute.application.service.report;

import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase;
import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.DisclosureControl;
import fi.palaute.domain.report.Period;
import java.util.List;
import java.util.Objects;

/**
 * Reads the counters, never the answers, and publishes them through disclosure control, which protects a whole year
 * at a time (its weeks, months, quarters and the year together, every table of every breakdown), so the week parts
 * of every year the range touches are read, whatever the kind of period asked for, and by every dimension, whatever
 * the breakdown: a table by CHANNEL is decided knowing what the tables by CHANNEL and LANGUAGE, or by CHANNEL and
 * SURVEY, will show, and must be the same in each.
 */
public final class ShowNpsReportService implements ShowNpsReportUseCase {

    private static final List<Dimension> EVERY_DIMENSION = List.of(Dimension.values());

    private final AnswerCountRepository counts;
    private final DisclosureControl disclosureControl;
    private final int k;

    public ShowNpsReportService(AnswerCountRepository counts, int k) {
        this(counts, k, 0);
    }

    /** @param yearsRemembered years decided to keep with their counts, for reports on counts that have not changed */
    public ShowNpsReportService(AnswerCountRepository counts, int k, int yearsRemembered) {
        this.counts = Objects.requireNonNull(counts);
        this.disclosureControl = new DisclosureControl(k, yearsRemembered);
        this.k = k;
    }

    @Override
    public NpsReport show(NpsReportQuery query) {
        List<Period> periods = query.periods();
        List<CountCell> base = counts.counts(DisclosureControl.firstWeekToRead(periods),
                DisclosureControl.lastWeekToRead(periods), EVERY_DIMENSION);
        return new NpsReport(query, k, disclosureControl.protect(query.kind(), periods, query.by(), base));
    }
}
