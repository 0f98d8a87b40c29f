package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fi.palaute.domain.response.NpsCounts;
import fi.palaute.domain.response.NpsSummary;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The figures a report cell shows (R-REPORT), against worked examples given as n with the promoter share p and the
 * detractor share d: NPS = 100 (p − d), margin = 1.96 × 100 × sqrt((p + d − (p − d)²) / n). The response package's
 * NpsTest covers categories and small samples; these are the report-sized cases.
 */
class NpsWorkedExamplesTest {

    private static final double EXACT = 1e-9;

    /**
     * <ul>
     *   <li>n 400, p .50, d .20: NPS 30; (.70 − .09) / 400 = .001525, sqrt .0390512, × 196 = 7.65404: 30 ± 7.7.</li>
     *   <li>n 1000, p .40, d .30: NPS 10; (.70 − .01) / 1000 = .00069, sqrt .0262679, × 196 = 5.14850: 10 ± 5.1.</li>
     *   <li>n 200, p .70, d .10: NPS 60; (.80 − .36) / 200 = .0022, sqrt .0469042, × 196 = 9.19321: 60 ± 9.2.</li>
     *   <li>n 50, p .20, d .50: NPS −30; (.70 − .09) / 50 = .0122, sqrt .110454, × 196 = 21.6489: −30 ± 21.6.</li>
     *   <li>n 400, p .25, d .25: NPS 0; (.50 − 0) / 400 = .00125, sqrt .0353553, × 196 = 6.92965: 0 ± 6.9.</li>
     *   <li>n 100, p .60, d .15: NPS 45; (.75 − .2025) / 100 = .005475, sqrt .0739932, × 196 = 14.5027: 45 ± 14.5.</li>
     *   <li>n 10 (the default k), p .50, d .20: NPS 30; .061 / 10, sqrt .0781025 ... × 196 = 48.4084: 30 ± 48.4.</li>
     * </ul>
     */
    @ParameterizedTest(name = "n {0}: {1}/{2}/{3} gives {6}")
    @CsvSource({
            // n,  promoters, passives, detractors, NPS, margin,             shown
            " 400, 200, 120,  80,  30,  7.654044682388521, 30.0 ± 7.7",
            "1000, 400, 300, 300,  10,  5.14849881033297,  10.0 ± 5.1",
            " 200, 140,  40,  20,  60,  9.193214889253921, 60.0 ± 9.2",
            "  50,  10,  15,  25, -30, 21.64890759368703, -30.0 ± 21.6",
            " 400, 100, 200, 100,   0,  6.929646455628165,  0.0 ± 6.9",
            " 100,  60,  25,  15,  45, 14.502675615209768, 45.0 ± 14.5",
            "  10,   5,   3,   2,  30, 48.4084290180956,   30.0 ± 48.4",
    })
    void npsAndItsMarginFromWorkedExamples(long n, long promoters, long passives, long detractors, double nps,
            double margin, String shown) {
        NpsCounts counts = new NpsCounts(promoters, passives, detractors);
        assertEquals(n, counts.n());
        NpsSummary.Measured summary = assertInstanceOf(NpsSummary.Measured.class, NpsSummary.of(counts));
        assertEquals(nps, summary.nps(), EXACT);
        assertEquals(margin, summary.marginOfError(), EXACT);
        assertEquals(100.0 * promoters / n - 100.0 * detractors / n, summary.nps(), EXACT);
        assertEquals(shown, String.format(Locale.ROOT, "%.1f ± %.1f", summary.nps(), summary.marginOfError()));
    }
}
