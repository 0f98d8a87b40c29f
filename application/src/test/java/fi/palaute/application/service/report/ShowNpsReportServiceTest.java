package fi.palaute.application.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.InMemoryAnswerCounts;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase.NpsReport;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShowNpsReportServiceTest {

    private final InMemoryAnswerCounts counts = new InMemoryAnswerCounts();
    private final ShowNpsReportService reports = new ShowNpsReportService(counts, 10);

    private void month(String key, String channel, long promoters, long passives, long detractors) {
        counts.cells.add(new CountCell(Period.parse(PeriodKind.MONTH, key), Map.of(Dimension.CHANNEL, channel),
                new NpsCounts(promoters, passives, detractors)));
    }

    @Test
    void monthsAreReadAWholeYearAtATimeFromTheMonthCounters() {
        month("2026-03", "CHAT", 20, 10, 10);

        reports.show(new NpsReportQuery(PeriodKind.QUARTER, Period.parse(PeriodKind.QUARTER, "2026-Q1"),
                Period.parse(PeriodKind.QUARTER, "2026-Q2"), List.of(Dimension.CHANNEL)));

        assertEquals(List.of(new InMemoryAnswerCounts.Asked(CountGrain.MONTH, "2026-01", "2026-12",
                List.of(Dimension.CHANNEL))), counts.asked);
    }

    @Test
    void weeksAreReadForTheWeeksAsked() {
        reports.show(new NpsReportQuery(PeriodKind.ISO_WEEK, Period.parse(PeriodKind.ISO_WEEK, "2026-W47"),
                Period.parse(PeriodKind.ISO_WEEK, "2026-W48"), List.of()));

        assertEquals(List.of(new InMemoryAnswerCounts.Asked(CountGrain.WEEK, "2026-W47", "2026-W48", List.of())),
                counts.asked);
    }

    @Test
    void aCellUnderKIsSuppressedAndOneAboveIsPublished() {
        month("2026-11", "CHAT", 30, 10, 10);
        month("2026-11", "BRANCH", 20, 20, 20);
        month("2026-11", "PHONE_SERVICE", 3, 1, 1);

        NpsReport report = reports.show(new NpsReportQuery(PeriodKind.MONTH, Period.parse(PeriodKind.MONTH, "2026-11"),
                Period.parse(PeriodKind.MONTH, "2026-11"), List.of(Dimension.CHANNEL)));

        assertEquals(10, report.k());
        ReportCell phone = cell(report, "PHONE_SERVICE");
        assertTrue(phone.suppressed());
        assertEquals(Optional.empty(), phone.counts());
        assertTrue(report.cells().stream().noneMatch(c -> c.counts().filter(n -> n.n() < 10).isPresent()),
                "no published cell under k");
    }

    @Test
    void freeRangesCannotBeAsked() {
        assertThrows(IllegalArgumentException.class, () -> Period.parse(PeriodKind.MONTH, "2026-11-15"));
        assertThrows(IllegalArgumentException.class, () -> new NpsReportQuery(PeriodKind.MONTH,
                Period.parse(PeriodKind.MONTH, "2026-11"), Period.parse(PeriodKind.MONTH, "2026-10"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NpsReportQuery(PeriodKind.MONTH,
                Period.parse(PeriodKind.MONTH, "2026-11"), Period.parse(PeriodKind.MONTH, "2026-11"),
                List.of(Dimension.CHANNEL, Dimension.LANGUAGE, Dimension.SURVEY)));
        assertThrows(IllegalArgumentException.class, () -> new NpsReportQuery(PeriodKind.MONTH,
                Period.parse(PeriodKind.QUARTER, "2026-Q1"), Period.parse(PeriodKind.MONTH, "2026-11"), List.of()));
    }

    private static ReportCell cell(NpsReport report, String channel) {
        return report.cells().stream().filter(c -> channel.equals(c.values().get(Dimension.CHANNEL))).findFirst()
                .orElseThrow();
    }
}
