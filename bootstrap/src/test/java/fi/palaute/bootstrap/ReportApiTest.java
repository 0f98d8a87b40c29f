package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-REPORT and R-KANON as an analyst meets them: the real service on SQLite, filled with demo mode's year of
 * generated answers (five channels, few English answers), asked for reports over the API. Every exchange is checked
 * against {@code openapi.yaml} by the {@link ContractClient}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

    static final ZoneId FINNISH_TIME = ZoneId.of("Europe/Helsinki");
    /** The figures a published cell carries, and a suppressed one must not. */
    static final List<String> FIGURES = List.of("answers", "promoters", "passives", "detractors", "nps", "margin");
    static final List<String> CSV_FIGURES =
            List.of("answers", "promoters_pct", "passives_pct", "detractors_pct", "nps", "margin");

    @TempDir
    static Path dir;

    private final long started = System.nanoTime();
    private Service service;
    private String monthly;
    private String weekly;

    /** One running service with demo keys and demo answers. */
    record Service(PalauteApplication app, ContractClient client, Map<String, String> keys) implements AutoCloseable {

        static Service start(Path db, Map<String, String> settings) {
            Map<String, String> env = new HashMap<>(Map.of("PALAUTE_PORT", "0",
                    "PALAUTE_DB_URL", "jdbc:sqlite:" + db, "PALAUTE_DEMO", "true",
                    "PALAUTE_STOP_GRACE_SECONDS", "0"));
            env.putAll(settings); // PALAUTE_DEMO_ANSWERS is left at its default: a year of answers
            List<String> keyLines = new ArrayList<>();
            PalauteApplication app = PalauteApplication.start(PalauteConfig.fromEnvironment(env), Clock.systemUTC(),
                    keyLines::add);
            return new Service(app, ContractClient.onPort(app.port()), PalauteApplicationTest.keysByRole(keyLines));
        }

        String key(String role) {
            String key = keys.get(role);
            assertNotNull(key, "a demo key for " + role + ": " + keys.keySet());
            return key;
        }

        JsonNode report(String query) {
            Answer answer = client.send(Call.get("/api/v1/reports/nps?" + query).key(key("ANALYST")));
            assertEquals(200, answer.status(), answer.text());
            return answer.json();
        }

        Answer csv(String query) {
            Answer answer = client.send(Call.get("/api/v1/reports/nps.csv?" + query).key(key("ANALYST")));
            assertEquals(200, answer.status(), answer.text());
            return answer;
        }

        @Override
        public void close() {
            app.close();
        }
    }

    @BeforeAll
    void start() {
        long t0 = System.nanoTime();
        service = Service.start(dir.resolve("palaute.db"), Map.of());
        System.out.printf("ReportApiTest: service with demo answers started in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        monthly = monthlyByChannelThisYear();
        weekly = weeklyByChannelAndLanguage();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        System.out.printf("ReportApiTest took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The current (Finnish) year; in its first two weeks the one before, whose months have answers to show (the
     * generated answers cover the last year up to now).
     */
    static int reportYear() {
        return LocalDate.now(FINNISH_TIME).minusDays(14).getYear();
    }

    /** Every month of the current year, by channel. */
    static String monthlyByChannelThisYear() {
        int year = reportYear();
        return "period=MONTH&from=" + year + "-01&to=" + year + "-12&by=CHANNEL";
    }

    /** The last 26 ISO weeks, this one included, by channel and language. */
    static String weeklyByChannelAndLanguage() {
        LocalDate today = LocalDate.now(FINNISH_TIME);
        return "period=ISO_WEEK&from=" + Period.containing(PeriodKind.ISO_WEEK, today.minusWeeks(25)).key()
                + "&to=" + Period.containing(PeriodKind.ISO_WEEK, today).key() + "&by=CHANNEL,LANGUAGE";
    }

    // --- the tests

    @Test
    void aMonthlyReportByChannelPublishesCellsOfAtLeastKWithFiguresThatAddUp() {
        JsonNode report = service.report(monthly);
        assertEquals("MONTH", report.get("period").asText());
        assertEquals(List.of("CHANNEL"), texts(report.get("by")));
        int k = report.get("k").asInt();
        assertEquals(10, k, "the default threshold");

        int published = 0;
        Set<String> channels = new TreeSet<>();
        for (JsonNode cell : report.get("cells")) {
            if (cell.get("suppressed").asBoolean()) {
                assertNoFigures(cell);
                continue;
            }
            if (cell.get("answers").asLong() == 0) { // a month to come: no answers, so no figures either
                assertFalse(cell.has("channel"), "only a period's total is shown with no answers: " + cell);
                assertFalse(cell.has("nps"), "no figures without answers: " + cell);
                continue;
            }
            published++;
            if (cell.has("channel")) {
                channels.add(cell.get("channel").asText());
            }
            assertFiguresConsistent(cell, k);
        }
        assertTrue(published >= 6, "at least a month's total and its five channels are published: " + published);
        assertEquals(Set.of("BRANCH", "CHAT", "MOBILE_APP", "ONLINE_BANK", "PHONE_SERVICE"), channels,
                "all five channels are published in some month");
    }

    @Test
    void aWeeklyReportByChannelAndLanguageSuppressesTheFewEnglishAnswersAndASuppressedCellCarriesNoNumber() {
        JsonNode report = service.report(weekly);
        assertEquals(List.of("CHANNEL", "LANGUAGE"), texts(report.get("by")));
        int k = report.get("k").asInt();
        int suppressed = 0;
        int suppressedEnglish = 0;
        int englishPairs = 0;
        int publishedPairs = 0;
        for (JsonNode cell : report.get("cells")) {
            boolean pair = cell.has("channel") && cell.has("language");
            if (cell.get("suppressed").asBoolean()) {
                suppressed++;
                assertNoFigures(cell);
                if (pair && "en".equals(cell.get("language").asText())) {
                    suppressedEnglish++;
                }
            } else {
                assertFiguresConsistent(cell, k);
                if (pair) {
                    publishedPairs++;
                }
            }
            if (pair && "en".equals(cell.get("language").asText())) {
                englishPairs++;
            }
        }
        System.out.printf("weekly by CHANNEL,LANGUAGE with k=%d: %d cells, %d suppressed (%d of %d English"
                + " channel cells); %d published channel×language cells%n", k, report.get("cells").size(), suppressed,
                suppressedEnglish, englishPairs, publishedPairs);
        assertTrue(suppressedEnglish > 0, "English answers are few: some channel×English cells are suppressed");
        assertTrue(publishedPairs > 0, "and Finnish ones are many: some channel×language cells are published");
    }

    @Test
    void theCsvHoldsTheSameCellsInTheSameOrderAsTheJson() {
        for (String query : List.of(monthly, weekly,
                "period=QUARTER&from=" + reportYear() + "-Q1&to=" + reportYear() + "-Q4")) {
            JsonNode report = service.report(query);
            Answer csv = service.csv(query);
            assertEquals("text/csv", csv.contentType().orElse(""), query);
            assertTrue(csv.header("Content-Disposition").orElse("").startsWith("attachment; filename=\"nps-"),
                    csv.header("Content-Disposition").toString());
            assertCsvEqualsJson(report, csv.text(), query);
        }
    }

    @Test
    void aPublishedTotalIsTheSumOfItsPublishedBreakdownWhenNothingInItIsSuppressed() {
        int checked = 0;
        for (Line line : lines()) {
            if (line.whole().get("suppressed").asBoolean() || line.parts().isEmpty()
                    || line.parts().stream().anyMatch(c -> c.get("suppressed").asBoolean())) {
                continue;
            }
            long sum = line.parts().stream().mapToLong(c -> c.get("answers").asLong()).sum();
            assertEquals(line.whole().get("answers").asLong(), sum, line.what() + ": " + line.parts());
            checked++;
        }
        System.out.printf("%d fully published lines add up%n", checked);
        assertTrue(checked >= 50, "enough fully published lines to compare: " + checked);
    }

    /**
     * R-KANON's subtraction rule, on every line the reports show (a cell and its breakdown by one more dimension; a
     * quarter and its months; the year and its quarters): a published cell never has exactly one suppressed part,
     * and a suppressed cell never has all its parts published. Otherwise the hidden figure is a subtraction away.
     */
    @Test
    void noSuppressedCellIsASubtractionAway() {
        int lines = 0;
        int guarding = 0;
        List<String> leaks = new ArrayList<>();
        for (Line line : lines()) {
            long suppressedParts = line.parts().stream().filter(c -> c.get("suppressed").asBoolean()).count();
            boolean wholeSuppressed = line.whole().get("suppressed").asBoolean();
            if (!wholeSuppressed && suppressedParts == 1) {
                leaks.add("published " + line.what() + " has one suppressed part: " + line.parts());
            }
            if (wholeSuppressed && !line.parts().isEmpty() && suppressedParts == 0) {
                leaks.add("suppressed " + line.what() + " is the sum of its published parts: " + line.parts());
            }
            if (suppressedParts >= 2) {
                guarding++;
            }
            lines++;
        }
        System.out.printf("%d lines checked for subtraction, %d with two or more suppressed parts%n", lines,
                guarding);
        assertTrue(guarding > 0, "the reports have lines with suppressed cells to protect");
        assertTrue(leaks.isEmpty(), leaks.size() + " suppressed figures can be worked out:\n" + String.join("\n",
                leaks.subList(0, Math.min(10, leaks.size()))));
    }

    /** A cell and the cells it is the sum of; a part absent from the report has no answers. */
    record Line(String what, JsonNode whole, List<JsonNode> parts) {
    }

    /**
     * The lines of the weekly report by channel and language, and of this year's months, quarters and year by channel
     * and language (protected together: a year's periods are one unit).
     */
    private List<Line> lines() {
        int year = reportYear();
        String byPair = "&by=CHANNEL,LANGUAGE";
        JsonNode months = service.report("period=MONTH&from=" + year + "-01&to=" + year + "-12" + byPair);
        JsonNode quarters = service.report("period=QUARTER&from=" + year + "-Q1&to=" + year + "-Q4" + byPair);
        JsonNode years = service.report("period=YEAR&from=" + year + "&to=" + year + byPair);
        List<Line> lines = new ArrayList<>();
        for (JsonNode report : List.of(service.report(weekly), months, quarters, years, service.report(monthly))) {
            lines.addAll(dimensionLines(report));
        }
        lines.addAll(timeLines(quarters, months, PeriodKind.MONTH));
        lines.addAll(timeLines(years, quarters, PeriodKind.QUARTER));
        return lines;
    }

    /** The values of a cell's dimensions, as {@code channel=CHAT;language=en;} (empty for a total). */
    private static String valuesOf(JsonNode cell) {
        StringBuilder key = new StringBuilder();
        for (String dim : List.of("channel", "survey", "controller", "language")) {
            if (cell.has(dim)) {
                key.append(dim).append('=').append(cell.get(dim).asText()).append(';');
            }
        }
        return key.toString();
    }

    /** period -> values -> cell. */
    private static Map<String, Map<String, JsonNode>> cellsByPeriod(JsonNode report) {
        Map<String, Map<String, JsonNode>> byPeriod = new LinkedHashMap<>();
        for (JsonNode cell : report.get("cells")) {
            JsonNode before = byPeriod.computeIfAbsent(cell.get("period").asText(), p -> new LinkedHashMap<>())
                    .put(valuesOf(cell), cell);
            assertEquals(null, before, "one cell per period and values: " + cell);
        }
        return byPeriod;
    }

    /** In each period: every cell, and its breakdown by each dimension of the report it is not broken down by. */
    static List<Line> dimensionLines(JsonNode report) {
        List<String> dims = new ArrayList<>();
        report.get("by").forEach(d -> dims.add(d.asText().toLowerCase(java.util.Locale.ROOT)));
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, JsonNode>> period : cellsByPeriod(report).entrySet()) {
            Map<String, JsonNode> cells = period.getValue();
            for (Map.Entry<String, JsonNode> whole : cells.entrySet()) {
                Set<String> wholeValues = Set.of(whole.getKey().isEmpty() ? new String[0] : whole.getKey().split(";"));
                for (String dim : dims) {
                    if (whole.getKey().contains(dim + "=")) {
                        continue;
                    }
                    List<JsonNode> parts = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> part : cells.entrySet()) {
                        Set<String> values = Set.of(part.getKey().isEmpty() ? new String[0] : part.getKey().split(";"));
                        if (values.size() == wholeValues.size() + 1 && values.containsAll(wholeValues)
                                && part.getKey().contains(dim + "=")) {
                            parts.add(part.getValue());
                        }
                    }
                    lines.add(new Line(report.get("period").asText() + " " + period.getKey() + " "
                            + (whole.getKey().isEmpty() ? "total" : whole.getKey()) + " by " + dim,
                            whole.getValue(), parts));
                }
            }
        }
        return lines;
    }

    /**
     * Each longer period and its shorter ones, per combination of values. A period with no answers at all shows
     * its total as suppressed (there is nothing to show), so a total's line is left out when one of its periods
     * lies outside the year of generated answers: there the "suppressed" total is an empty one.
     */
    static List<Line> timeLines(JsonNode longer, JsonNode shorter, PeriodKind shorterKind) {
        LocalDate today = LocalDate.now(FINNISH_TIME);
        LocalDate firstAnswers = today.minusDays(355);
        Map<String, Map<String, JsonNode>> shortCells = cellsByPeriod(shorter);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, JsonNode>> period : cellsByPeriod(longer).entrySet()) {
            PeriodKind longKind = PeriodKind.valueOf(longer.get("period").asText());
            Period whole = Period.parse(longKind, period.getKey());
            List<Period> members = new ArrayList<>();
            for (Period p = Period.containing(shorterKind, whole.firstDay());
                    Period.containing(longKind, p.firstDay()).equals(whole); p = p.next()) {
                members.add(p);
            }
            boolean everyMemberHasAnswers = members.stream().allMatch(p -> !p.firstDay().isAfter(today)
                    && !p.next().firstDay().isBefore(firstAnswers));
            for (Map.Entry<String, JsonNode> cell : period.getValue().entrySet()) {
                if (cell.getKey().isEmpty() && !everyMemberHasAnswers) {
                    continue;
                }
                List<JsonNode> parts = new ArrayList<>();
                for (Period member : members) {
                    JsonNode part = shortCells.getOrDefault(member.key(), Map.of()).get(cell.getKey());
                    if (part != null) {
                        parts.add(part);
                    }
                }
                lines.add(new Line(whole.key() + " " + (cell.getKey().isEmpty() ? "total" : cell.getKey())
                        + " over " + members, cell.getValue(), parts));
            }
        }
        return lines;
    }

    @Test
    void aFreeDateRangeIsRefusedNamingFrom() {
        int year = reportYear();
        for (String path : List.of("/api/v1/reports/nps", "/api/v1/reports/nps.csv")) {
            Answer answer = service.client().sendBad(Call.get(path + "?period=MONTH&from=" + year + "-11-15&to=" + year
                    + "-11&by=CHANNEL").key(service.key("ANALYST")));
            assertEquals(400, answer.status(), answer.text());
            assertEquals("urn:palaute:problem:validation", answer.json().get("type").asText());
            JsonNode invalid = answer.json().get("invalidParams");
            assertNotNull(invalid, answer.text());
            assertEquals(1, invalid.size(), "only from is wrong: " + invalid);
            assertEquals("query.from", invalid.get(0).get("name").asText());
            String reason = invalid.get(0).get("reason").asText();
            assertTrue(reason.contains("whole periods") && reason.contains("free date ranges"), reason);
            assertFalse(answer.text().contains("-11-15"), "the reason does not quote what was sent: " + answer.text());
            assertFalse(answer.text().contains("cells"), "no data: " + answer.text());
        }
    }

    @Test
    void everyOtherRoleGets403AndNoData() {
        Set<String> others = new TreeSet<>(service.keys().keySet());
        others.remove("ANALYST");
        assertEquals(Set.of("ADMIN", "CUSTOMER_SERVICE", "EVENT_SOURCE", "PARTNER", "SELF_SERVICE"), others);
        for (String path : List.of("/api/v1/reports/nps?" + monthly, "/api/v1/reports/nps.csv?" + monthly)) {
            for (String role : others) {
                Answer answer = service.client().sendBad(Call.get(path).key(service.key(role)));
                assertEquals(403, answer.status(), role + " " + path + ": " + answer.text());
                assertEquals("urn:palaute:problem:forbidden", answer.json().get("type").asText());
                assertNoData(answer);
            }
            Answer anonymous = service.client().sendBad(Call.get(path));
            assertEquals(401, anonymous.status(), anonymous.text());
            assertNoData(anonymous);
        }
    }

    @Test
    void aLowerThresholdSuppressesFewerCells() {
        try (Service lowK = Service.start(dir.resolve("k5.db"), Map.of("PALAUTE_REPORT_K", "5"))) {
            JsonNode atTen = service.report(weekly);
            JsonNode atFive = lowK.report(weekly);
            assertEquals(10, atTen.get("k").asInt());
            assertEquals(5, atFive.get("k").asInt());
            int suppressedAtTen = suppressed(atTen);
            int suppressedAtFive = suppressed(atFive);
            System.out.printf("weekly by CHANNEL,LANGUAGE: %d suppressed cells with k=10, %d with k=5%n",
                    suppressedAtTen, suppressedAtFive);
            assertTrue(suppressedAtFive < suppressedAtTen,
                    "k=5 suppresses fewer cells: " + suppressedAtFive + " vs " + suppressedAtTen);
            long smallPublished = 0;
            for (JsonNode cell : atFive.get("cells")) {
                if (!cell.get("suppressed").asBoolean()) {
                    assertFiguresConsistent(cell, 5);
                    if (cell.get("answers").asLong() < 10) {
                        smallPublished++;
                    }
                }
            }
            assertTrue(smallPublished > 0, "with k=5 some cells of 5–9 answers are published");
        }
    }

    // --- checks

    /** A suppressed cell: its period, its dimension values and "suppressed": true, and nothing else. */
    static void assertNoFigures(JsonNode cell) {
        assertTrue(cell.get("suppressed").asBoolean(), cell.toString());
        for (String figure : FIGURES) {
            assertFalse(cell.has(figure), "a suppressed cell carries no " + figure + ": " + cell);
        }
        Set<String> fields = new TreeSet<>();
        cell.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("period", "suppressed", "channel", "survey", "controller", "language"));
        assertTrue(fields.isEmpty(), "nothing else in a suppressed cell: " + cell);
    }

    /**
     * A published cell: at least k answers; the shares add to 100 within rounding; NPS = promoters − detractors;
     * the margin as R-REPORT defines it, within what rounding the shares to one decimal allows.
     */
    static void assertFiguresConsistent(JsonNode cell, int k) {
        for (String figure : FIGURES) {
            assertTrue(cell.hasNonNull(figure), "a published cell has " + figure + ": " + cell);
        }
        long n = cell.get("answers").asLong();
        assertTrue(n >= k, "published with fewer than k=" + k + " answers: " + cell);
        double p = cell.get("promoters").asDouble();
        double pa = cell.get("passives").asDouble();
        double d = cell.get("detractors").asDouble();
        double nps = cell.get("nps").asDouble();
        double margin = cell.get("margin").asDouble();
        for (String figure : List.of("promoters", "passives", "detractors", "nps", "margin")) {
            BigDecimal value = cell.get(figure).decimalValue();
            assertTrue(value.stripTrailingZeros().scale() <= 1, figure + " has one decimal: " + cell);
        }
        assertTrue(Math.abs(p + pa + d - 100) <= 0.1 + 1e-9, "shares add to 100 ± 0.1: " + cell);
        assertTrue(Math.abs(nps - (p - d)) <= 0.1 + 1e-9, "NPS = promoters − detractors ± 0.1: " + cell);
        assertTrue(nps >= -100 && nps <= 100 && margin >= 0, cell.toString());
        // The margin from the shares, at every corner of what the rounded shares may have been.
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (double dp : new double[] {-0.05, 0.05}) {
            for (double dd : new double[] {-0.05, 0.05}) {
                double ps = Math.max(0, Math.min(1, (p + dp) / 100));
                double ds = Math.max(0, Math.min(1, (d + dd) / 100));
                double variance = Math.max(0, ps + ds - (ps - ds) * (ps - ds));
                double m = 1.96 * 100 * Math.sqrt(variance / n);
                low = Math.min(low, m);
                high = Math.max(high, m);
            }
        }
        double exact = 1.96 * 100 * Math.sqrt((p / 100 + d / 100 - Math.pow((p - d) / 100, 2)) / n);
        assertTrue(margin >= low - 0.05 - 1e-9 && margin <= high + 0.05 + 1e-9,
                "margin " + margin + " is 1.96×100×sqrt((p+d−(p−d)²)/n) = " + exact + " within rounding ["
                        + low + ", " + high + "]: " + cell);
    }

    /** Compares the CSV with the JSON field by field: the same cells, the same order, the same figures. */
    static void assertCsvEqualsJson(JsonNode report, String csvText, String query) {
        assertTrue(csvText.endsWith("\r\n"), "CRLF line ends");
        List<List<String>> rows = parseCsv(csvText);
        List<String> dims = new ArrayList<>();
        report.get("by").forEach(d -> dims.add(d.asText().toLowerCase(java.util.Locale.ROOT)));
        List<String> header = new ArrayList<>();
        header.add("period");
        header.addAll(dims);
        header.addAll(CSV_FIGURES);
        header.add("suppressed");
        assertEquals(header, rows.get(0), "the header of " + query);
        JsonNode cells = report.get("cells");
        assertEquals(cells.size(), rows.size() - 1, "as many rows as cells: " + query);
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            Map<String, String> row = new LinkedHashMap<>();
            List<String> fields = rows.get(i + 1);
            assertEquals(header.size(), fields.size(), "row " + (i + 1) + " of " + query + ": " + fields);
            for (int f = 0; f < header.size(); f++) {
                row.put(header.get(f), fields.get(f));
            }
            String where = query + " row " + (i + 1) + ": " + row + " vs " + cell;
            assertEquals(cell.get("period").asText(), row.get("period"), where);
            for (String dim : dims) {
                assertEquals(cell.has(dim) ? cell.get(dim).asText() : "", row.get(dim), where);
            }
            boolean suppressed = cell.get("suppressed").asBoolean();
            assertEquals(Boolean.toString(suppressed), row.get("suppressed"), where);
            if (suppressed) {
                for (String figure : CSV_FIGURES) {
                    assertEquals("", row.get(figure), "a suppressed row's " + figure + " is empty: " + where);
                }
                continue;
            }
            assertEquals(cell.get("answers").asText(), row.get("answers"), where);
            if (cell.get("answers").asLong() == 0) {
                for (String figure : CSV_FIGURES.subList(1, CSV_FIGURES.size())) {
                    assertEquals("", row.get(figure), "a row with no answers has no " + figure + ": " + where);
                }
                continue;
            }
            for (int f = 1; f < FIGURES.size(); f++) {
                String csvValue = row.get(CSV_FIGURES.get(f));
                assertTrue(csvValue.matches("-?\\d+\\.\\d"), "one decimal, a plain number: " + where);
                assertEquals(0, cell.get(FIGURES.get(f)).decimalValue().compareTo(new BigDecimal(csvValue)),
                        FIGURES.get(f) + ": " + where);
            }
        }
    }

    static int suppressed(JsonNode report) {
        int count = 0;
        for (JsonNode cell : report.get("cells")) {
            if (cell.get("suppressed").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static void assertNoData(Answer answer) {
        for (String word : List.of("cells", "answers", "promoters", "nps,", "period")) {
            assertFalse(answer.text().contains(word), "no report data in a refusal: " + answer.text());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    /** RFC 4180: fields separated by commas, records by CRLF, a quoted field may hold anything, "" is a quote. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r') {
                fail("a bare line break outside quotes at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        assertFalse(quoted, "an unclosed quote");
        assertTrue(field.length() == 0 && row.isEmpty(), "the last record ends with CRLF");
        return rows;
    }
}
