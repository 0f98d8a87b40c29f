package fi.palaute.domain.report;

import static fi.palaute.domain.report.Dimension.CHANNEL;
import static fi.palaute.domain.report.Dimension.LANGUAGE;
import static fi.palaute.domain.report.Dimension.SURVEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.response.NpsCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** R-KANON on hand-made tables: the known attacks, the shape of a report, and what protect refuses. */
class DisclosureControlTest {

    private static final DisclosureControl K10 = new DisclosureControl(DisclosureControl.DEFAULT_K);
    private static final Period W48 = Period.parse(PeriodKind.ISO_WEEK, "2026-W48");

    // ----------------------------------------------------------------------------------------------- the attacks

    @Test
    void aTotalOf12WithOneGroupOf11HidesTheGroupToo() {
        // Published 12 and 11 would give the single answer away as 12 − 11.
        List<CountCell> base = List.of(cell(W48, Map.of(CHANNEL, "BRANCH"), 11), cell(W48, Map.of(CHANNEL, "CHAT"), 1));
        assertEquals(List.of(
                "2026-W48 total 12",
                "2026-W48 CHANNEL=BRANCH suppressed",
                "2026-W48 CHANNEL=CHAT suppressed"),
                render(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL), base), List.of(CHANNEL)));
    }

    @Test
    void theSameAttackOnAMonthHidesTheGroupInItsMonthQuarterAndYear() {
        Period november = month("2026-11");
        List<CountCell> base = List.of(cell(november, Map.of(CHANNEL, "BRANCH"), 11),
                cell(november, Map.of(CHANNEL, "CHAT"), 1));
        List<String> shown = new ArrayList<>();
        shown.addAll(render(K10.protect(PeriodKind.MONTH, List.of(november), List.of(CHANNEL), base),
                List.of(CHANNEL)));
        shown.addAll(render(K10.protect(PeriodKind.QUARTER, List.of(quarter("2026-Q4")), List.of(CHANNEL), base),
                List.of(CHANNEL)));
        shown.addAll(render(K10.protect(PeriodKind.YEAR, List.of(year("2026")), List.of(CHANNEL), base),
                List.of(CHANNEL)));
        assertEquals(List.of(
                "2026-11 total 12", "2026-11 CHANNEL=BRANCH suppressed", "2026-11 CHANNEL=CHAT suppressed",
                "2026-Q4 total 12", "2026-Q4 CHANNEL=BRANCH suppressed", "2026-Q4 CHANNEL=CHAT suppressed",
                "2026 total 12", "2026 CHANNEL=BRANCH suppressed", "2026 CHANNEL=CHAT suppressed"), shown);
    }

    @Test
    void oneChannelSuppressedInARowTakesTheNextSmallestWithIt() {
        List<CountCell> base = List.of(
                cell(W48, Map.of(CHANNEL, "BRANCH"), 40),
                cell(W48, Map.of(CHANNEL, "PHONE_SERVICE"), 25),
                cell(W48, Map.of(CHANNEL, "CHAT"), 3),
                cell(W48, Map.of(CHANNEL, "MOBILE_APP"), 60));
        assertEquals(List.of(
                "2026-W48 total 128",
                "2026-W48 CHANNEL=BRANCH 40",
                "2026-W48 CHANNEL=CHAT suppressed",
                "2026-W48 CHANNEL=MOBILE_APP 60",
                "2026-W48 CHANNEL=PHONE_SERVICE suppressed"),
                render(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL), base), List.of(CHANNEL)));
    }

    @Test
    void aMonthSuppressedWithinItsQuarterTakesAnotherMonthWithIt() {
        List<CountCell> base = monthlyTotals(20, 20, 20, 20, 20, 20, 20, 20, 20, 30, 4, 50);
        assertEquals(List.of("2026-01 total 20", "2026-02 total 20", "2026-03 total 20", "2026-04 total 20",
                "2026-05 total 20", "2026-06 total 20", "2026-07 total 20", "2026-08 total 20", "2026-09 total 20",
                "2026-10 total suppressed", "2026-11 total suppressed", "2026-12 total 50"),
                render(K10.protect(PeriodKind.MONTH, months2026(), List.of(), base), List.of()));
        // The quarter and the year stay published: they give October + November = 34, never either alone.
        assertEquals(List.of("2026-Q1 total 60", "2026-Q2 total 60", "2026-Q3 total 60", "2026-Q4 total 84"),
                render(K10.protect(PeriodKind.QUARTER, quarters2026(), List.of(), base), List.of()));
        assertEquals(List.of("2026 total 264"),
                render(K10.protect(PeriodKind.YEAR, List.of(year("2026")), List.of(), base), List.of()));
    }

    @Test
    void aQuarterSuppressedWithinItsYearTakesAnotherQuarterAndOneOfItsMonthsWithIt() {
        List<CountCell> base = monthlyTotals(20, 20, 20, 3, 5, 0, 30, 30, 30, 25, 25, 25);
        assertEquals(List.of("2026-Q1 total suppressed", "2026-Q2 total suppressed", "2026-Q3 total 90",
                "2026-Q4 total 75"),
                render(K10.protect(PeriodKind.QUARTER, quarters2026(), List.of(), base), List.of()));
        // Q1 = year − Q3 − Q4 − Q2 fails on Q2; January goes too, or Q1 would be February + March + January.
        // June had no answers: its total is shown as zero.
        assertEquals(List.of("2026-01 total suppressed", "2026-02 total 20", "2026-03 total 20",
                "2026-04 total suppressed", "2026-05 total suppressed", "2026-06 total 0", "2026-07 total 30",
                "2026-08 total 30", "2026-09 total 30", "2026-10 total 25", "2026-11 total 25", "2026-12 total 25"),
                render(K10.protect(PeriodKind.MONTH, months2026(), List.of(), base), List.of()));
    }

    @Test
    void aPairCellIsRecoverableFromItsChannelMarginUnlessASecondCellInItsRowIsSuppressed() {
        List<CountCell> base = List.of(
                cell(W48, Map.of(CHANNEL, "BRANCH", LANGUAGE, "fi"), 40),
                cell(W48, Map.of(CHANNEL, "BRANCH", LANGUAGE, "sv"), 4),
                cell(W48, Map.of(CHANNEL, "BRANCH", LANGUAGE, "en"), 20),
                cell(W48, Map.of(CHANNEL, "PHONE_SERVICE", LANGUAGE, "fi"), 30),
                cell(W48, Map.of(CHANNEL, "PHONE_SERVICE", LANGUAGE, "sv"), 25),
                cell(W48, Map.of(CHANNEL, "PHONE_SERVICE", LANGUAGE, "en"), 15));
        List<Dimension> by = List.of(CHANNEL, LANGUAGE);
        // BRANCH's margin (64, in the report by channel) − fi − en would be sv's 4: en goes too, and then each
        // language column needs a second suppressed cell, and so on until every line has two.
        assertEquals(List.of(
                "2026-W48 total 134",
                "2026-W48 CHANNEL=BRANCH 64",
                "2026-W48 CHANNEL=PHONE_SERVICE 70",
                "2026-W48 LANGUAGE=en 35",
                "2026-W48 LANGUAGE=fi 70",
                "2026-W48 LANGUAGE=sv 29",
                "2026-W48 CHANNEL=BRANCH,LANGUAGE=en suppressed",
                "2026-W48 CHANNEL=BRANCH,LANGUAGE=fi 40",
                "2026-W48 CHANNEL=BRANCH,LANGUAGE=sv suppressed",
                "2026-W48 CHANNEL=PHONE_SERVICE,LANGUAGE=en suppressed",
                "2026-W48 CHANNEL=PHONE_SERVICE,LANGUAGE=fi 30",
                "2026-W48 CHANNEL=PHONE_SERVICE,LANGUAGE=sv suppressed"),
                render(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), by, base), by));
    }

    @Test
    void theOneDimensionTablesAreDecidedKnowingWhatThePairLeavesOut() {
        // y/a has no answers, so the pair leaves it out: it is known to be 0. Were both margins published (x 23,
        // y 15, a 20, b 18), x/a = a = 20 and x/b = x − 20 = 3, however many cells of the pair were suppressed. The
        // table by LANGUAGE is decided knowing that (alone too: it is the same table), so it is protected itself.
        List<CountCell> base = List.of(
                cell(W48, Map.of(CHANNEL, "x", LANGUAGE, "a"), 20),
                cell(W48, Map.of(CHANNEL, "x", LANGUAGE, "b"), 3),
                cell(W48, Map.of(CHANNEL, "y", LANGUAGE, "b"), 15));
        List<Dimension> by = List.of(CHANNEL, LANGUAGE);
        assertEquals(List.of(
                "2026-W48 total 38",
                "2026-W48 CHANNEL=x 23",
                "2026-W48 CHANNEL=y 15",
                "2026-W48 LANGUAGE=a suppressed",
                "2026-W48 LANGUAGE=b suppressed",
                "2026-W48 CHANNEL=x,LANGUAGE=a suppressed",
                "2026-W48 CHANNEL=x,LANGUAGE=b suppressed",
                "2026-W48 CHANNEL=y,LANGUAGE=b 15"),
                render(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), by, base), by));
        List<Dimension> byLanguage = List.of(LANGUAGE);
        assertEquals(List.of("2026-W48 total 38", "2026-W48 LANGUAGE=a suppressed", "2026-W48 LANGUAGE=b suppressed"),
                render(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), byLanguage, base), byLanguage));
    }

    // ------------------------------------------------------------------------------------ weeks against months

    @Test
    void aWeekOfAFebruaryOfWholeWeeksIsNotTheMonthLessTheOtherWeeks() {
        // February 2027 is exactly weeks 5-8: protected apart, week 6 was the month less weeks 5, 7 and 8.
        Answers answers = new Answers(List.of());
        answers.spread(week("2027-W05"), Map.of(), 20).spread(week("2027-W06"), Map.of(), 3)
                .spread(week("2027-W07"), Map.of(), 25).spread(week("2027-W08"), Map.of(), 30);
        List<ReportCell> weeks = K10.protect(PeriodKind.ISO_WEEK,
                Period.range(week("2027-W05"), week("2027-W08")), List.of(), answers.base(List.of()));
        assertEquals("2027-W06 total suppressed", render(weeks, List.of()).get(1));
        assertEquals(List.of(), answers.attack(2027, 2027, (part, c) -> false));
    }

    @Test
    void aWeekOfAQuarterOfWholeWeeksIsNotTheQuarterLessTheOtherWeeks() {
        // Q1 2024 is exactly weeks 1-13.
        Answers answers = new Answers(List.of());
        for (Period week : Period.range(week("2024-W01"), week("2024-W13"))) {
            answers.spread(week, Map.of(), week.equals(week("2024-W07")) ? 4 : 15 + week.key().charAt(7) % 5);
        }
        assertTrue(K10.protect(PeriodKind.ISO_WEEK, List.of(week("2024-W07")), List.of(), answers.base(List.of()))
                .get(0).suppressed());
        assertEquals(List.of(), answers.attack(2024, 2024, (part, c) -> false));
    }

    @Test
    void anAnonymousSurveysMonthsAreNotSumsOfItsWeeks() {
        // An anonymous answer counts in its week and in the month of the week's Thursday, so every month of an
        // anonymous survey is exactly the weeks whose Thursday it holds, and everyone knows the other parts are zero.
        Answers answers = new Answers(List.of(SURVEY));
        long[] weekly = {12, 11, 3, 14, 12, 13, 2, 15, 11, 12, 16, 14, 13};
        List<Period> weeks = Period.range(week("2026-W40"), week("2026-W52"));
        for (int i = 0; i < weeks.size(); i++) {
            answers.add(TestParts.anonymousIn(weeks.get(i)), Map.of(SURVEY, "anonymous"), weekly[i]);
        }
        for (Period month : Period.range(month("2026-10"), month("2026-12"))) {
            answers.spread(month, Map.of(SURVEY, "named"), 150);
        }
        Map<Dimension, String> anonymous = Map.of(SURVEY, "anonymous");
        List<ReportCell> report = K10.protect(PeriodKind.ISO_WEEK, weeks, List.of(SURVEY),
                answers.base(List.of(SURVEY)));
        assertTrue(report.contains(new ReportCell(week("2026-W42"), anonymous, Optional.empty())));
        assertEquals(List.of(), answers.attack(2026, 2026, (part, c) ->
                c.equals(anonymous) && !part.equals(TestParts.anonymousIn(part.week()))));
    }

    @Test
    void theWeekIntoAMonthStillToComeIsNotItsPastDays() {
        // Asked on Monday 30 November 2026: week 49 is that day alone so far, and November less its other weeks.
        Answers answers = new Answers(List.of());
        for (Period week : Period.range(week("2026-W45"), week("2026-W48"))) {
            answers.spread(week, Map.of(), 15);
        }
        answers.add(TestParts.onDay(LocalDate.of(2026, 11, 30)), Map.of(), 3);
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertTrue(K10.protect(PeriodKind.ISO_WEEK, List.of(week("2026-W49")), List.of(), answers.base(List.of()))
                .get(0).suppressed());
        assertEquals(List.of(), answers.attack(2026, 2026, (part, c) -> laterThan(part, today)));
    }

    @Test
    void aSuppressedMonthIsNotTheSumOfItsPublishedWeeks() {
        // January 2027 has 4 answers. Its quarter took February with it; were February's weeks 5-8 published as
        // they are, February would be their sum, and January the quarter less February and March.
        Answers answers = new Answers(List.of());
        answers.add(TestParts.onDay(LocalDate.of(2027, 1, 12)), Map.of(), 2);
        answers.add(TestParts.onDay(LocalDate.of(2027, 1, 20)), Map.of(), 2);
        for (Period week : Period.range(week("2027-W05"), week("2027-W08"))) {
            answers.spread(week, Map.of(), 12);
        }
        answers.spread(month("2027-03"), Map.of(), 60);
        List<ReportCell> months = K10.protect(PeriodKind.MONTH, Period.range(month("2027-01"), month("2027-03")),
                List.of(), answers.base(List.of()));
        assertTrue(months.get(0).suppressed() && months.stream().filter(ReportCell::suppressed).count() >= 2);
        assertEquals(List.of(), answers.attack(2027, 2027, (part, c) -> false));
    }

    @Test
    void theWeekAcrossTheNewYearIsNotDecemberLessItsWeeks() {
        // Asked on 31 December 2025: week 2026-W01 is 29-31 December so far, a part of December 2025 that the two
        // years share. Channel x has 3 answers in it; December less weeks 49-52 would give them away.
        Answers answers = new Answers(List.of(CHANNEL));
        for (Period week : Period.range(week("2025-W49"), week("2025-W52"))) {
            answers.spread(week, Map.of(CHANNEL, "x"), 12).spread(week, Map.of(CHANNEL, "y"), 40);
        }
        answers.add(TestParts.onDay(LocalDate.of(2025, 12, 30)), Map.of(CHANNEL, "x"), 3);
        answers.add(TestParts.onDay(LocalDate.of(2025, 12, 29)), Map.of(CHANNEL, "y"), 15);
        answers.add(TestParts.onDay(LocalDate.of(2025, 12, 31)), Map.of(CHANNEL, "y"), 15);
        LocalDate today = LocalDate.of(2025, 12, 31);
        assertTrue(K10.protect(PeriodKind.ISO_WEEK, List.of(week("2026-W01")), List.of(CHANNEL),
                answers.base(List.of(CHANNEL))).contains(
                        new ReportCell(week("2026-W01"), Map.of(CHANNEL, "x"), Optional.empty())));
        assertEquals(List.of(), answers.attack(2025, 2026, (part, c) -> laterThan(part, today)));
    }

    // --------------------------------------------------------------------------- one cell, one answer, always

    @Test
    void aOneDimensionTableIsTheSameAloneAndAsTheMarginOfAnyPair() {
        List<Counted> threeWay = randomThreeWay(new Random(48));
        boolean exercised = false;
        for (PeriodKind kind : List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)) {
            List<Period> periods = Period.range(Period.containing(kind, month("2026-01").firstDay()),
                    Period.containing(kind, month("2026-12").firstDay()));
            List<ReportCell> alone = protect(kind, periods, List.of(CHANNEL), threeWay);
            List<ReportCell> total = protect(kind, periods, List.of(), threeWay);
            assertEquals(total, only(alone, Set.of()));
            for (List<Dimension> pair : List.of(List.of(CHANNEL, LANGUAGE), List.of(LANGUAGE, CHANNEL),
                    List.of(CHANNEL, SURVEY), List.of(SURVEY, CHANNEL))) {
                List<ReportCell> report = protect(kind, periods, pair, threeWay);
                assertEquals(only(alone, Set.of(CHANNEL)), only(report, Set.of(CHANNEL)),
                        kind + " by CHANNEL within " + pair);
                assertEquals(total, only(report, Set.of()));
            }
            exercised |= only(alone, Set.of(CHANNEL)).stream().anyMatch(ReportCell::suppressed);
        }
        assertTrue(exercised, "the data makes some channel cell suppressed");
    }

    @Test
    void aRememberedYearIsReusedForTheSameCountsOnlyInAnyOrder() {
        DisclosureControl remembering = new DisclosureControl(DisclosureControl.DEFAULT_K, 1);
        List<CountCell> before = List.of(cell(W48, Map.of(CHANNEL, "CHAT"), 3),
                cell(W48, Map.of(CHANNEL, "BRANCH"), 30), cell(W48, Map.of(CHANNEL, "MOBILE_APP"), 40));
        List<CountCell> after = List.of(cell(W48, Map.of(CHANNEL, "CHAT"), 13),
                cell(W48, Map.of(CHANNEL, "BRANCH"), 30), cell(W48, Map.of(CHANNEL, "MOBILE_APP"), 40));
        List<Dimension> by = List.of(CHANNEL);
        List<CountCell> beforeReversed = new ArrayList<>(before);
        Collections.reverse(beforeReversed);
        for (List<CountCell> base : List.of(before, before, after, beforeReversed, after, before)) {
            assertEquals(K10.protect(PeriodKind.ISO_WEEK, List.of(W48), by, base),
                    remembering.protect(PeriodKind.ISO_WEEK, List.of(W48), by, base));
        }
        assertEquals(List.of("2026-W48 total 83", "2026-W48 CHANNEL=BRANCH 30", "2026-W48 CHANNEL=CHAT 13",
                "2026-W48 CHANNEL=MOBILE_APP 40"),
                render(remembering.protect(PeriodKind.ISO_WEEK, List.of(W48), by, after), by));
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(DisclosureControl.DEFAULT_K, -1));
    }

    @Test
    void aCellDoesNotDependOnTheRangeAsked() {
        List<Counted> threeWay = randomThreeWay(new Random(11));
        List<ReportCell> year = protect(PeriodKind.MONTH, months2026(), List.of(CHANNEL, LANGUAGE), threeWay);
        List<ReportCell> november = protect(PeriodKind.MONTH, List.of(month("2026-11")), List.of(CHANNEL, LANGUAGE),
                threeWay);
        assertEquals(year.stream().filter(c -> c.period().equals(month("2026-11"))).toList(), november);
        assertTrue(november.stream().anyMatch(ReportCell::suppressed));

        Period w47 = Period.parse(PeriodKind.ISO_WEEK, "2026-W47");
        Period w49 = Period.parse(PeriodKind.ISO_WEEK, "2026-W49");
        List<CountCell> weeks = new ArrayList<>();
        for (Period week : List.of(w47, W48, w49)) {
            weeks.add(cell(week, Map.of(CHANNEL, "CHAT"), 3));
            weeks.add(cell(week, Map.of(CHANNEL, "BRANCH"), 12));
            weeks.add(cell(week, Map.of(CHANNEL, "MOBILE_APP"), 30));
        }
        List<ReportCell> threeWeeks = K10.protect(PeriodKind.ISO_WEEK, List.of(w47, W48, w49), List.of(CHANNEL),
                weeks);
        assertEquals(threeWeeks.stream().filter(c -> c.period().equals(W48)).toList(),
                K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL), weeks));
    }

    @Test
    void yearsAreProtectedApart() {
        List<Counted> threeWay = randomThreeWay(new Random(5));
        List<CountCell> both = new ArrayList<>(base(threeWay, List.of(CHANNEL), "2025"));
        both.addAll(base(threeWay, List.of(CHANNEL), "2026"));
        Period december = month("2025-12");
        Period january = month("2026-01");
        List<ReportCell> together = K10.protect(PeriodKind.MONTH, List.of(december, january), List.of(CHANNEL), both);
        List<ReportCell> apart = new ArrayList<>(K10.protect(PeriodKind.MONTH, List.of(december), List.of(CHANNEL),
                base(threeWay, List.of(CHANNEL), "2025")));
        apart.addAll(K10.protect(PeriodKind.MONTH, List.of(january), List.of(CHANNEL),
                base(threeWay, List.of(CHANNEL), "2026")));
        assertEquals(apart, together);
    }

    @Test
    void theOrderOfTheBaseDoesNotMatter() {
        List<Counted> threeWay = randomThreeWay(new Random(7));
        List<CountCell> base = base(threeWay, List.of(CHANNEL, SURVEY), "2026");
        List<CountCell> reversed = new ArrayList<>(base);
        java.util.Collections.reverse(reversed);
        assertEquals(K10.protect(PeriodKind.QUARTER, quarters2026(), List.of(SURVEY, CHANNEL), base),
                K10.protect(PeriodKind.QUARTER, quarters2026(), List.of(SURVEY, CHANNEL), reversed));
    }

    // ---------------------------------------------------------------------------------------------- the shape

    @Test
    void aSuppressedCellShowsNoCountAtAll() {
        List<ReportCell> report = K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL),
                List.of(new CountCell(TestParts.partOf(W48), Map.of(CHANNEL, "CHAT"), new NpsCounts(1, 1, 1)),
                        new CountCell(TestParts.partOf(W48), Map.of(CHANNEL, "BRANCH"), new NpsCounts(20, 5, 5))));
        assertEquals(new ReportCell(W48, Map.of(), Optional.of(new NpsCounts(21, 6, 6))), report.get(0));
        assertEquals(new ReportCell(W48, Map.of(CHANNEL, "BRANCH"), Optional.empty()), report.get(1));
        assertEquals(new ReportCell(W48, Map.of(CHANNEL, "CHAT"), Optional.empty()), report.get(2));
    }

    @Test
    void aPeriodWithNoAnswersHasAZeroTotalAndNothingElse() {
        assertEquals(List.of(new ReportCell(W48, Map.of(), Optional.of(NpsCounts.NONE))),
                K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL, LANGUAGE), List.of()));
        assertEquals(List.of(new ReportCell(year("2031"), Map.of(), Optional.of(NpsCounts.NONE))),
                K10.protect(PeriodKind.YEAR, List.of(year("2031")), List.of(SURVEY),
                        List.of(new CountCell(TestParts.partOf(month("2031-03")), Map.of(SURVEY, "s"),
                                NpsCounts.NONE))));
    }

    @Test
    void periodsComeInOrderEachWithItsTotalFirst() {
        List<CountCell> base = monthlyTotals(20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20);
        List<ReportCell> report = K10.protect(PeriodKind.QUARTER,
                List.of(quarter("2026-Q3"), quarter("2026-Q1")), List.of(), base);
        assertEquals(List.of(quarter("2026-Q1"), quarter("2026-Q3")),
                report.stream().map(ReportCell::period).toList());
    }

    @Test
    void kIsASettingThatRefusesValuesBelowFive() {
        assertEquals(10, DisclosureControl.DEFAULT_K);
        assertEquals(5, new DisclosureControl(5).k());
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(4));
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(0));
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(-10));
        List<CountCell> base = List.of(cell(W48, Map.of(CHANNEL, "BRANCH"), 5), cell(W48, Map.of(CHANNEL, "CHAT"), 5));
        assertEquals(List.of("2026-W48 total 10", "2026-W48 CHANNEL=BRANCH 5", "2026-W48 CHANNEL=CHAT 5"),
                render(new DisclosureControl(5).protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL), base),
                        List.of(CHANNEL)));
        assertEquals(List.of("2026-W48 total suppressed", "2026-W48 CHANNEL=BRANCH suppressed",
                "2026-W48 CHANNEL=CHAT suppressed"),
                render(new DisclosureControl(11).protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(CHANNEL), base),
                        List.of(CHANNEL)));
    }

    @Test
    void whatProtectRefuses() {
        List<CountCell> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48),
                List.of(CHANNEL, LANGUAGE, SURVEY), none));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48),
                List.of(CHANNEL, CHANNEL), none));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.MONTH, List.of(W48),
                List.of(), none));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48, W48),
                List.of(), none));
        // counts grouped without the report's dimensions, or unlike each other, or two for one part and combination
        AnswerBuckets w48 = TestParts.onDay(LocalDate.of(2026, 11, 25));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48),
                List.of(CHANNEL), List.of(new CountCell(w48, Map.of(LANGUAGE, "fi"), new NpsCounts(30, 0, 0)))));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48),
                List.of(CHANNEL), List.of(new CountCell(w48, Map.of(), new NpsCounts(30, 0, 0)))));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.MONTH, List.of(month("2026-11")),
                List.of(), List.of(new CountCell(w48, Map.of(CHANNEL, "CHAT"), new NpsCounts(30, 0, 0)),
                        new CountCell(w48, Map.of(LANGUAGE, "fi"), new NpsCounts(30, 0, 0)))));
        assertThrows(IllegalArgumentException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48),
                List.of(CHANNEL), List.of(new CountCell(w48, Map.of(CHANNEL, "CHAT"), new NpsCounts(3, 0, 0)),
                        new CountCell(w48, Map.of(CHANNEL, "CHAT"), new NpsCounts(0, 4, 0)))));
        assertThrows(NullPointerException.class, () -> K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(),
                java.util.Arrays.asList((CountCell) null)));
        // a part is the days of one week in one month: a week and a month that share no day are no part
        assertThrows(IllegalArgumentException.class, () -> new AnswerBuckets(W48, month("2026-12")));
        // a part that counts in none of the years asked about is no concern of the report
        assertEquals(List.of(new ReportCell(W48, Map.of(), Optional.of(NpsCounts.NONE))),
                K10.protect(PeriodKind.ISO_WEEK, List.of(W48), List.of(), List.of(new CountCell(
                        TestParts.onDay(LocalDate.of(2028, 3, 1)), Map.of(), new NpsCounts(30, 0, 0)))));
        assertThrows(NullPointerException.class, () -> K10.protect(null, List.of(W48), List.of(), none));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Period week(String key) {
        return Period.parse(PeriodKind.ISO_WEEK, key);
    }

    /** Whether every day of the part is after the day. */
    private static boolean laterThan(AnswerBuckets part, LocalDate day) {
        LocalDate monday = part.week().firstDay();
        LocalDate first = monday.isAfter(part.month().firstDay()) ? monday : part.month().firstDay();
        return first.isAfter(day);
    }

    /** Answers per week part and combination of some dimensions, and an attack on every report about them. */
    private static final class Answers {

        private final List<Dimension> dims;
        private final Map<AnswerBuckets, Map<Map<Dimension, String>, Long>> n = new LinkedHashMap<>();

        Answers(List<Dimension> dims) {
            this.dims = dims;
        }

        Answers add(AnswerBuckets part, Map<Dimension, String> values, long count) {
            n.computeIfAbsent(part, p -> new LinkedHashMap<>()).merge(values, count, Long::sum);
            return this;
        }

        /** Identified answers spread over the days of a week or month. */
        Answers spread(Period period, Map<Dimension, String> values, long count) {
            TestParts.spread(period, count).forEach((part, c) -> add(part, values, c));
            return this;
        }

        /** The counts a report by {@code by} is made of. */
        List<CountCell> base(List<Dimension> by) {
            Map<List<Object>, Long> grouped = new LinkedHashMap<>();
            n.forEach((part, byValues) -> byValues.forEach((values, count) -> {
                Map<Dimension, String> kept = new HashMap<>(values);
                kept.keySet().retainAll(by);
                grouped.merge(List.of(part, Map.copyOf(kept)), count, Long::sum);
            }));
            List<CountCell> base = new ArrayList<>();
            grouped.forEach((key, count) -> {
                @SuppressWarnings("unchecked")
                Map<Dimension, String> values = (Map<Dimension, String>) key.get(1);
                base.add(new CountCell((AnswerBuckets) key.get(0), values, new NpsCounts(count, 0, 0)));
            });
            return base;
        }

        /**
         * Every report of every kind about the years, by nothing and by each dimension and the pair, seen by one
         * attacker who also knows what is zero for everyone to see; the suppressed cells with answers it recovers.
         */
        List<Attacker.Finding> attack(int firstYear, int lastYear, ZeroForAll zeroForAll) {
            List<List<String>> universe = new ArrayList<>();
            for (Dimension dimension : dims) {
                universe.add(n.values().stream().flatMap(m -> m.keySet().stream()).map(v -> v.get(dimension))
                        .distinct().sorted().toList());
            }
            List<Map<Dimension, String>> combinations = new Attacker(dims, universe, Map.of(), (p, c) -> false)
                    .combinations();
            Map<AnswerBuckets, long[]> counts = new HashMap<>();
            n.forEach((part, byValues) -> {
                long[] row = new long[combinations.size()];
                byValues.forEach((values, count) -> row[combinations.indexOf(values)] += count);
                counts.put(part, row);
            });
            Attacker attacker = new Attacker(dims, universe, counts,
                    (part, c) -> zeroForAll.test(part, combinations.get(c)));
            List<List<Dimension>> breakdowns = new ArrayList<>();
            breakdowns.add(List.of());
            dims.forEach(dimension -> breakdowns.add(List.of(dimension)));
            if (dims.size() == 2) {
                breakdowns.add(dims);
            }
            for (PeriodKind kind : PeriodKind.values()) {
                LocalDate from = kind == PeriodKind.ISO_WEEK ? LocalDate.of(firstYear, 1, 4) : LocalDate.of(firstYear, 1, 1);
                LocalDate to = kind == PeriodKind.ISO_WEEK ? LocalDate.of(lastYear, 12, 28) : LocalDate.of(lastYear, 12, 31);
                List<Period> periods = Period.range(Period.containing(kind, from), Period.containing(kind, to));
                for (List<Dimension> by : breakdowns) {
                    attacker.see(by, periods, K10.protect(kind, periods, by, base(by)));
                }
            }
            return attacker.recoverable();
        }
    }

    /** What everyone knows to be zero: by part and combination of values. */
    private interface ZeroForAll {
        boolean test(AnswerBuckets part, Map<Dimension, String> values);
    }

    private static Period month(String key) {
        return Period.parse(PeriodKind.MONTH, key);
    }

    private static Period quarter(String key) {
        return Period.parse(PeriodKind.QUARTER, key);
    }

    private static Period year(String key) {
        return Period.parse(PeriodKind.YEAR, key);
    }

    private static List<Period> months2026() {
        return Period.range(month("2026-01"), month("2026-12"));
    }

    private static List<Period> quarters2026() {
        return Period.range(quarter("2026-Q1"), quarter("2026-Q4"));
    }

    /** n answers, split into categories the way no test here depends on. */
    private static CountCell cell(Period period, Map<Dimension, String> values, long n) {
        return new CountCell(TestParts.partOf(period), values, new NpsCounts(n / 2, n / 4, n - n / 2 - n / 4));
    }

    /** Totals of the months of 2026, each spread over the month's days, one answer a day in turn. */
    private static List<CountCell> monthlyTotals(long... n) {
        Answers answers = new Answers(List.of());
        for (int m = 0; m < 12; m++) {
            answers.spread(month(String.format("2026-%02d", m + 1)), Map.of(), n[m]);
        }
        return answers.base(List.of());
    }

    /** n answers in a month with these values of CHANNEL, LANGUAGE and SURVEY. */
    private record Counted(Period month, Map<Dimension, String> values, NpsCounts counts) {
    }

    /** Counts by month of 2025 and 2026, CHANNEL, LANGUAGE and SURVEY, many of them small, some empty. */
    private static List<Counted> randomThreeWay(Random random) {
        List<Counted> counts = new ArrayList<>();
        for (Period month : Period.range(month("2025-01"), month("2026-12"))) {
            for (String channel : List.of("BRANCH", "CHAT", "PHONE_SERVICE")) {
                for (String language : List.of("fi", "sv", "en")) {
                    for (String survey : List.of("s1", "s2")) {
                        int roll = random.nextInt(10);
                        long n = roll < 5 ? 0 : roll < 8 ? 1 + random.nextInt(5) : 5 + random.nextInt(40);
                        if (n > 0) {
                            counts.add(new Counted(month, Map.of(CHANNEL, channel, LANGUAGE, language, SURVEY, survey),
                                    cell(month, Map.of(), n).counts()));
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** The base for one year: month counts grouped by {@code by}. */
    private static List<CountCell> base(List<Counted> threeWay, List<Dimension> by, String year) {
        Map<List<Object>, NpsCounts> grouped = new LinkedHashMap<>();
        for (Counted counted : threeWay) {
            if (counted.month().key().startsWith(year)) {
                Map<Dimension, String> values = new HashMap<>(counted.values());
                values.keySet().retainAll(by);
                grouped.merge(List.of(counted.month(), Map.copyOf(values)), counted.counts(), NpsCounts::plus);
            }
        }
        List<CountCell> base = new ArrayList<>();
        grouped.forEach((key, counts) -> {
            @SuppressWarnings("unchecked")
            Map<Dimension, String> values = (Map<Dimension, String>) key.get(1);
            base.add(new CountCell(TestParts.partOf((Period) key.get(0)), values, counts));
        });
        return base;
    }

    private static List<ReportCell> protect(PeriodKind kind, List<Period> periods, List<Dimension> by,
            List<Counted> threeWay) {
        // Every report gets the same counts, by all three dimensions, as the service's by all four.
        return K10.protect(kind, periods, by, base(threeWay, List.of(CHANNEL, LANGUAGE, SURVEY), "2026"));
    }

    private static List<ReportCell> only(List<ReportCell> report, Set<Dimension> dimensions) {
        return report.stream().filter(cell -> cell.values().keySet().equals(dimensions)).toList();
    }

    /** One line per cell: period, values in the order asked (or "total"), the number of answers or "suppressed". */
    private static List<String> render(List<ReportCell> report, List<Dimension> by) {
        return report.stream().map(cell -> cell.period() + " "
                + (cell.values().isEmpty() ? "total" : by.stream().filter(cell.values()::containsKey)
                        .map(d -> d + "=" + cell.values().get(d)).collect(Collectors.joining(",")))
                + " " + cell.counts().map(c -> String.valueOf(c.n())).orElse("suppressed")).toList();
    }
}
