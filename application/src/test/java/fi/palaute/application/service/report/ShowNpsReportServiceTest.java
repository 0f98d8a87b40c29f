package fi.palaute.application.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.InMemoryAnswerCounts;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.application.port.in.report.ShowNpsReportUseCase.NpsReport;
import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.report.CountCell;
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

    private static final List<Dimension> EVERY_DIMENSION = List.of(Dimension.CHANNEL, Dimension.SURVEY,
            Dimension.CONTROLLER, Dimension.LANGUAGE);

    /** Answers of one survey in Finnish, in the month's first full week's part of it. */
    private void month(String key, String channel, long promoters, long passives, long detractors) {
        month(key, channel, "fi", new NpsCounts(promoters, passives, detractors));
    }

    private void month(String key, String channel, String language, NpsCounts answers) {
        Period month = Period.parse(PeriodKind.MONTH, key);
        Period week = Period.containing(PeriodKind.ISO_WEEK, month.firstDay().plusDays(7));
        counts.cells.add(new CountCell(new AnswerBuckets(week, month), Map.of(Dimension.CHANNEL, channel,
                Dimension.SURVEY, "branch-visits", Dimension.CONTROLLER, "OP-Retail", Dimension.LANGUAGE, language),
                answers));
    }

    private static Period week(String key) {
        return Period.parse(PeriodKind.ISO_WEEK, key);
    }

    @Test
    void monthsAreReadAWholeYearAtATimeWithTheWeeksThatShareItsDaysByEveryDimension() {
        month("2026-03", "CHAT", 20, 10, 10);

        reports.show(new NpsReportQuery(PeriodKind.QUARTER, Period.parse(PeriodKind.QUARTER, "2026-Q1"),
                Period.parse(PeriodKind.QUARTER, "2026-Q2"), List.of(Dimension.CHANNEL)));

        // 2025-W52 holds 2025-12-28 and no day of 2026; 2027-W01 holds 2027-01-04 and no day of 2026: one spare week
        // each side keeps the rule simple (the last ISO week of the year before may hold January's first days).
        // By every dimension, whatever the breakdown: each table is decided knowing the finer ones.
        assertEquals(List.of(new InMemoryAnswerCounts.Asked(week("2025-W52"), week("2027-W01"), EVERY_DIMENSION)),
                counts.asked);
    }

    @Test
    void weeksAreReadAWholeIsoYearAtATime() {
        reports.show(new NpsReportQuery(PeriodKind.ISO_WEEK, Period.parse(PeriodKind.ISO_WEEK, "2026-W47"),
                Period.parse(PeriodKind.ISO_WEEK, "2026-W48"), List.of()));

        assertEquals(List.of(new InMemoryAnswerCounts.Asked(week("2025-W52"), week("2027-W01"), EVERY_DIMENSION)),
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
    void aTableIsTheSameAloneAndAsTheMarginOfAPair() {
        // No Swedish answers by phone: the pair leaves PHONE_SERVICE/sv out, so were both tables by one dimension
        // published, CHAT/sv = sv = 20 and CHAT/fi = CHAT − 20 = 3. Asked alone, the table by LANGUAGE must already
        // know that: it is the same table in both reports.
        month("2026-11", "CHAT", "sv", new NpsCounts(20, 0, 0));
        month("2026-11", "CHAT", "fi", new NpsCounts(3, 0, 0));
        month("2026-11", "PHONE_SERVICE", "fi", new NpsCounts(15, 0, 0));
        Period november = Period.parse(PeriodKind.MONTH, "2026-11");

        NpsReport alone = reports.show(new NpsReportQuery(PeriodKind.MONTH, november, november,
                List.of(Dimension.LANGUAGE)));
        NpsReport pair = reports.show(new NpsReportQuery(PeriodKind.MONTH, november, november,
                List.of(Dimension.CHANNEL, Dimension.LANGUAGE)));

        List<ReportCell> byLanguage = alone.cells().stream().filter(c -> !c.values().isEmpty()).toList();
        assertEquals(2, byLanguage.size());
        assertTrue(byLanguage.stream().allMatch(ReportCell::suppressed), "sv would give CHAT/fi away");
        assertEquals(byLanguage, pair.cells().stream()
                .filter(c -> c.values().keySet().equals(java.util.Set.of(Dimension.LANGUAGE))).toList());
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
