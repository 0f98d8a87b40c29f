package fi.palaute.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-NPS and the figures of R-REPORT, against values worked out by hand. */
class NpsTest {

    private static final double EXACT = 1e-9;

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "0, DETRACTOR", "1, DETRACTOR", "2, DETRACTOR", "3, DETRACTOR", "4, DETRACTOR", "5, DETRACTOR",
            "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER", "10, PROMOTER"})
    void everyScoreHasItsCategory(int score, NpsCategory category) {
        assertEquals(category, new NpsScore(score).category());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void scoresOutsideTheScaleCannotExist(int score) {
        assertThrows(IllegalArgumentException.class, () -> new NpsScore(score));
    }

    /**
     * Hand-worked rows; p and d are the promoter and detractor shares, margin = 196 × sqrt((p + d − (p − d)²) / n).
     * <ul>
     *   <li>5/3/2: p .5, d .2; NPS 50 − 20 = 30; (.7 − .09) / 10 = .061, sqrt .246982, × 196 = 48.4084.</li>
     *   <li>2/1/7: p .2, d .7; NPS −50; (.9 − .25) / 10 = .065, sqrt .254951, × 196 = 49.9704.</li>
     *   <li>60/25/15: NPS 45; (.75 − .2025) / 100 = .005475, sqrt .0739932, × 196 = 14.5027.</li>
     *   <li>1/0/1: NPS 0; (1 − 0) / 2 = .5, sqrt .707107, × 196 = 138.593 (wider than the scale: tiny samples).</li>
     *   <li>1/1/1: NPS 0; (2/3 − 0) / 3 = .222…, sqrt .471405, × 196 = 92.3953.</li>
     *   <li>Everyone in one category: p + d − (p − d)² is 1 − 1 or 0 − 0, so the margin is 0, n = 1 included.</li>
     * </ul>
     */
    @ParameterizedTest(name = "{0}/{1}/{2} -> NPS {7} ± {8}")
    @CsvSource({
            // P,  Pa, D,   n,  %P,     %Pa,    %D,     NPS,  margin
            " 5,   3,  2,  10,  50,     30,     20,     30,   48.40842901809560",
            " 2,   1,  7,  10,  20,     10,     70,    -50,   49.97039123320928",
            "60,  25, 15, 100,  60,     25,     15,     45,   14.50267561520977",
            " 1,   0,  1,   2,  50,      0,     50,      0,  138.59292911256333",
            " 1,   1,  1,   3,  33.333333333333333, 33.333333333333333, 33.333333333333333, 0, 92.39528607504221",
            " 1,   0,  0,   1, 100,      0,      0,    100,    0",
            " 0,   1,  0,   1,   0,    100,      0,      0,    0",
            " 0,   0,  1,   1,   0,      0,    100,   -100,    0",
            " 7,   0,  0,   7, 100,      0,      0,    100,    0",
            " 0,   4,  0,   4,   0,    100,      0,      0,    0",
            " 0,   0,  9,   9,   0,      0,    100,   -100,    0"})
    void summariesFromCounts(long promoters, long passives, long detractors, long n, double promoterPercent,
            double passivePercent, double detractorPercent, double nps, double margin) {
        NpsSummary.Measured summary = assertInstanceOf(NpsSummary.Measured.class,
                NpsSummary.of(new NpsCounts(promoters, passives, detractors)));
        assertEquals(n, summary.n());
        assertEquals(promoterPercent, summary.promoterPercent(), EXACT);
        assertEquals(passivePercent, summary.passivePercent(), EXACT);
        assertEquals(detractorPercent, summary.detractorPercent(), EXACT);
        assertEquals(nps, summary.nps(), EXACT);
        assertEquals(margin, summary.marginOfError(), EXACT);
    }

    @Test
    void noAnswersMeansNoNpsRatherThanANumber() {
        NpsSummary empty = NpsSummary.of(NpsCounts.NONE);
        assertInstanceOf(NpsSummary.NoAnswers.class, empty);
        assertEquals(0, empty.n());
        assertThrows(IllegalArgumentException.class, () -> new NpsSummary.Measured(NpsCounts.NONE));
    }

    @Test
    void countsComeFromScores() {
        List<NpsScore> everyScoreOnce = new ArrayList<>();
        for (int score = 0; score <= 10; score++) {
            everyScoreOnce.add(new NpsScore(score));
        }
        NpsCounts counts = NpsCounts.of(everyScoreOnce);
        assertEquals(new NpsCounts(2, 2, 7), counts);
        assertEquals(11, counts.n());
        assertEquals(new NpsCounts(3, 3, 9), counts.plus(new NpsCounts(1, 1, 2)));
        assertEquals(NpsCounts.NONE, NpsCounts.of(List.of()));
        // 2 − 7 of 11: NPS −45.45…
        assertEquals(-500.0 / 11, ((NpsSummary.Measured) NpsSummary.of(counts)).nps(), EXACT);
    }

    @Test
    void countsCannotBeNegativeOrOverflow() {
        assertThrows(IllegalArgumentException.class, () -> new NpsCounts(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NpsCounts(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NpsCounts(0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new NpsCounts(Long.MAX_VALUE, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NpsCounts(1, Long.MAX_VALUE - 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new NpsCounts(Long.MAX_VALUE, 0, 0).plus(new NpsScore(7)));
        assertThrows(IllegalArgumentException.class,
                () -> new NpsCounts(0, Long.MAX_VALUE - 1, 0).plus(new NpsCounts(1, 0, 1)));
        assertEquals(Long.MAX_VALUE, new NpsCounts(Long.MAX_VALUE - 2, 1, 1).n());
    }
}
