package fi.palaute.domain.report.bench;

import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.DisclosureControl;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What disclosure control costs for one year of counts by every dimension, which is what every report protects
 * whatever its breakdown (every table of the year is decided together). Run by
 * {@code bootstrap/bench/protection-bench.sh}.
 * <ul>
 *   <li>{@code generated}: the shape of {@code palaute.jar generate-answers} (the report benchmark's data): five
 *       channels, one survey, two controllers, three languages, a year of answers.</li>
 *   <li>{@code programme}: a bank's survey programme: twenty surveys ({@code surveys}), each run by one of three
 *       controllers in one to three of six channels, in three languages (86 % Finnish, 10 % Swedish, 4 % English),
 *       from 1 to 60 answers a day each, a quarter of them anonymous.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DisclosureControlBenchmark {

    private static final int YEAR = 2026;
    private static final String[] CHANNELS = {"BRANCH", "PHONE_SERVICE", "CHAT", "ONLINE_BANK", "MOBILE_APP", "NONE"};
    private static final String[] LANGUAGES = {"fi", "sv", "en"};
    private static final double[] LANGUAGE_SHARES = {0.86, 0.10, 0.04};

    @Param({"generated", "programme"})
    public String shape;

    /** The programme's surveys (-p surveys=50 for a bigger one); the generated shape has one. */
    @Param({"20"})
    public int surveys;

    private final DisclosureControl control = new DisclosureControl(DisclosureControl.DEFAULT_K);
    private List<Period> months;
    private List<CountCell> base;

    @Setup
    public void counts() {
        months = Period.range(Period.parse(PeriodKind.MONTH, YEAR + "-01"),
                Period.parse(PeriodKind.MONTH, YEAR + "-12"));
        base = switch (shape) {
            case "generated" -> generated(new Random(2026));
            case "programme" -> programme(new Random(2026), surveys);
            default -> throw new IllegalArgumentException(shape);
        };
    }

    /** A year by month and channel: the cells of one breakdown; the year's every table is decided to give them. */
    @Benchmark
    public List<ReportCell> yearByMonthAndChannel() {
        return control.protect(PeriodKind.MONTH, months, List.of(Dimension.CHANNEL), base);
    }

    /** The same year by ISO week: the same unit, other periods of it. */
    @Benchmark
    public List<ReportCell> yearByWeekChannelAndLanguage() {
        List<Period> weeks = Period.range(Period.parse(PeriodKind.ISO_WEEK, YEAR + "-W01"),
                Period.parse(PeriodKind.ISO_WEEK, YEAR + "-W53"));
        return control.protect(PeriodKind.ISO_WEEK, weeks, List.of(Dimension.CHANNEL, Dimension.LANGUAGE), base);
    }

    private static List<CountCell> generated(Random random) {
        Counts counts = new Counts();
        double[] perDay = {80, 60, 30, 60, 110}; // a year of 120,000 answers over five channels
        for (int c = 0; c < 5; c++) {
            for (int l = 0; l < LANGUAGES.length; l++) {
                for (String controller : List.of("OP-Retail", "OP-Corporate")) {
                    double rate = perDay[c] * LANGUAGE_SHARES[l] * (controller.equals("OP-Retail") ? 0.8 : 0.2);
                    counts.year(random, rate, 0, Map.of(Dimension.CHANNEL, CHANNELS[c], Dimension.SURVEY,
                            "generated-answers", Dimension.CONTROLLER, controller, Dimension.LANGUAGE, LANGUAGES[l]));
                }
            }
        }
        return counts.cells();
    }

    private static List<CountCell> programme(Random random, int surveys) {
        Counts counts = new Counts();
        for (int s = 0; s < surveys; s++) {
            String survey = "survey-" + s;
            String controller = "controller-" + random.nextInt(3);
            double perDay = Math.exp(random.nextDouble() * Math.log(60)); // 1 to 60, log-uniform
            double anonymous = random.nextInt(4) == 0 ? 1 : 0;
            int channels = 1 + random.nextInt(3);
            int first = random.nextInt(CHANNELS.length);
            for (int i = 0; i < channels; i++) {
                String channel = CHANNELS[(first + i) % CHANNELS.length];
                for (int l = 0; l < LANGUAGES.length; l++) {
                    counts.year(random, perDay / channels * LANGUAGE_SHARES[l], anonymous, Map.of(Dimension.CHANNEL,
                            channel, Dimension.SURVEY, survey, Dimension.CONTROLLER, controller, Dimension.LANGUAGE,
                            LANGUAGES[l]));
                }
            }
        }
        return counts.cells();
    }

    /** Counts by week part and combination, filled day by day. */
    private static final class Counts {
        private final Map<List<Object>, long[]> byPart = new LinkedHashMap<>();

        /** A year of answers at a mean rate a day (Poisson), a share of them anonymous (counted by week). */
        void year(Random random, double perDay, double anonymousShare, Map<Dimension, String> values) {
            Map<Dimension, String> key = new EnumMap<>(values);
            for (LocalDate day = LocalDate.of(YEAR, 1, 1); day.getYear() == YEAR; day = day.plusDays(1)) {
                long n = poisson(random, perDay);
                for (long i = 0; i < n; i++) {
                    LocalDate counted = random.nextDouble() < anonymousShare
                            ? day.with(java.time.DayOfWeek.THURSDAY) : day;
                    AnswerBuckets part = new AnswerBuckets(Period.containing(PeriodKind.ISO_WEEK, counted),
                            Period.containing(PeriodKind.MONTH, counted));
                    long[] nps = byPart.computeIfAbsent(List.of(part, Map.copyOf(key)), x -> new long[3]);
                    nps[random.nextInt(3)]++;
                }
            }
        }

        List<CountCell> cells() {
            List<CountCell> cells = new ArrayList<>();
            byPart.forEach((key, nps) -> {
                @SuppressWarnings("unchecked")
                Map<Dimension, String> values = (Map<Dimension, String>) key.get(1);
                cells.add(new CountCell((AnswerBuckets) key.get(0), values, new NpsCounts(nps[0], nps[1], nps[2])));
            });
            return cells;
        }

        private static long poisson(Random random, double mean) {
            double limit = Math.exp(-mean);
            if (mean > 30) { // normal approximation: exp(-mean) underflows the product for large means
                return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            long n = 0;
            for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
                n++;
            }
            return n;
        }
    }
}
