package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.report.ReportCell;
import fi.palaute.domain.response.NpsCounts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reporting API over real HTTP with the report faked: the JSON and CSV shapes, the rounding, suppressed cells
 * without a number, the CSV's escaping and its defence against formula injection, and that CSV and JSON agree.
 */
class ReportRoutesTest {

    static final String ANALYST = keyFor(Role.ANALYST);
    static final String NPS = "/api/v1/reports/nps";
    static final String CSV = "/api/v1/reports/nps.csv";
    static final String QUERY = "?period=MONTH&from=2026-09&to=2026-11&by=CHANNEL";
    static final Set<String> PUBLISHED_FIELDS = Set.of("answers", "promoters", "passives", "detractors", "nps", "margin");

    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void theJsonHasTheQueryAndPerPeriodItsTotalThenItsBreakdown() {
        TestServer.with(fakes, client -> {
            JsonNode report = client.send(Call.get(NPS + QUERY).key(ANALYST)).json();
            assertEquals("MONTH", report.get("period").asText());
            assertEquals("2026-09", report.get("from").asText());
            assertEquals("2026-11", report.get("to").asText());
            assertEquals("[\"CHANNEL\"]", report.get("by").toString());
            assertEquals(10, report.get("k").asInt());
            JsonNode cells = report.get("cells");
            assertEquals(3 * 4, cells.size(), "per month the total and three channels");
            assertEquals("2026-09", cells.get(0).get("period").asText());
            assertFalse(cells.get(0).has("channel"), "a total has no dimension value");
            assertEquals("BRANCH", cells.get(1).get("channel").asText());
            assertEquals("2026-11", cells.get(11).get("period").asText());
        });
        assertEquals(List.of(new NpsReportQuery(PeriodKind.MONTH, Period.parse(PeriodKind.MONTH, "2026-09"),
                Period.parse(PeriodKind.MONTH, "2026-11"), List.of(Dimension.CHANNEL))), fakes.reportQueries);
    }

    /** n = 200 with 120 promoters, 50 passives, 30 detractors; margin 1.96 × 100 × sqrt((.75 − .2025) / 200). */
    @Test
    void aPublishedCellHasItsFiguresToOneDecimal() {
        TestServer.with(fakes, client -> {
            JsonNode total = client.send(Call.get(NPS + QUERY).key(ANALYST)).json().get("cells").get(0);
            assertEquals("{\"period\":\"2026-09\",\"suppressed\":false,\"answers\":200,\"promoters\":60.0,"
                    + "\"passives\":25.0,\"detractors\":15.0,\"nps\":45.0,\"margin\":10.3}", total.toString());
        });
    }

    @Test
    void figuresAreRoundedHalfUpAndANegativeNpsStaysNegative() {
        fakes.reportCells = query -> List.of(
                new ReportCell(query.from(), Map.of(), Optional.of(new NpsCounts(7, 2, 3))),
                new ReportCell(query.from(), Map.of(Dimension.CHANNEL, "CHAT"), Optional.of(new NpsCounts(2, 3, 7))));
        TestServer.with(fakes, client -> {
            JsonNode cells = client.send(Call.get(NPS + "?period=YEAR&from=2026&to=2026&by=CHANNEL").key(ANALYST))
                    .json().get("cells");
            assertEquals("{\"period\":\"2026\",\"suppressed\":false,\"answers\":12,\"promoters\":58.3,"
                    + "\"passives\":16.7,\"detractors\":25.0,\"nps\":33.3,\"margin\":48.1}", cells.get(0).toString());
            assertEquals(-41.7, cells.get(1).get("nps").asDouble());
        });
    }

    @Test
    void aSuppressedCellSaysOnlyThatItIsSuppressed() {
        TestServer.with(fakes, client -> {
            JsonNode cells = client.send(Call.get(NPS + QUERY).key(ANALYST)).json().get("cells");
            int suppressed = 0;
            for (JsonNode cell : cells) {
                if (cell.get("suppressed").asBoolean()) {
                    suppressed++;
                    assertEquals(Set.of("period", "channel", "suppressed"), names(cell), cell.toString());
                } else {
                    assertTrue(names(cell).containsAll(PUBLISHED_FIELDS), cell.toString());
                }
            }
            assertEquals(2, suppressed, "the sample suppresses (period + series) % 4 == 3");
        });
    }

    /** Defence in depth: the adapter never publishes a cell smaller than k, nor one below R-KANON's floor of 5. */
    @Test
    void aCellWithFewerThanKAnswersIsNeverPublished() {
        fakes.reportK = 10;
        fakes.reportCells = query -> List.of(
                new ReportCell(query.from(), Map.of(), Optional.of(new NpsCounts(5, 2, 2))),
                new ReportCell(query.from(), Map.of(), Optional.of(new NpsCounts(1, 0, 0))));
        TestServer.with(fakes, client -> {
            JsonNode cells = client.send(Call.get(NPS + "?period=YEAR&from=2026&to=2026").key(ANALYST)).json()
                    .get("cells");
            assertEquals("{\"period\":\"2026\",\"suppressed\":true}", cells.get(0).toString());
            assertEquals("{\"period\":\"2026\",\"suppressed\":true}", cells.get(1).toString());
        });
    }

    /** A period nobody answered in (a month to come) says so: zero answers is no one, and it is not a suppression. */
    @Test
    void aPublishedCellWithNoAnswersSaysSoInJsonAndCsv() {
        fakes.reportCells = query -> List.of(new ReportCell(query.from(), Map.of(), Optional.of(NpsCounts.NONE)));
        TestServer.with(fakes, client -> {
            JsonNode cells = client.send(Call.get(NPS + "?period=MONTH&from=2031-03&to=2031-03").key(ANALYST)).json()
                    .get("cells");
            assertEquals("{\"period\":\"2031-03\",\"suppressed\":false,\"answers\":0}", cells.get(0).toString());
            String csv = client.send(Call.get(CSV + "?period=MONTH&from=2031-03&to=2031-03").key(ANALYST)).text();
            assertEquals(List.of("2031-03", "0", "", "", "", "", "", "false"), parse(csv).get(1));
        });
    }

    @Test
    void noCellHoldsAnythingButItsPeriodItsValuesAndItsFigures() {
        Set<String> allowed = new TreeSet<>(PUBLISHED_FIELDS);
        allowed.addAll(Set.of("period", "suppressed", "channel", "survey", "controller", "language"));
        TestServer.with(fakes, client -> {
            for (String by : List.of("", "CHANNEL,LANGUAGE", "SURVEY,CONTROLLER", "LANGUAGE")) {
                JsonNode report = client.send(Call.get(NPS + "?period=QUARTER&from=2026-Q1&to=2026-Q4&by=" + by)
                        .key(ANALYST)).json();
                assertEquals(Set.of("period", "from", "to", "by", "k", "cells"), names(report));
                for (JsonNode cell : report.get("cells")) {
                    assertTrue(allowed.containsAll(names(cell)), cell.toString());
                }
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
            "ISO_WEEK, 2026-W45, 2026-W48, 4",
            "ISO_WEEK, 2026-W52, 2027-W02, 4",
            "MONTH,    2026-01,  2026-12,  12",
            "QUARTER,  2025-Q3,  2026-Q2,  4",
            "YEAR,     2020,     2026,     7",
    })
    void everyKindOfPeriodIsOffered(String kind, String from, String to, int periods) {
        TestServer.with(fakes, client -> {
            JsonNode report = client.send(Call.get(NPS + "?period=" + kind + "&from=" + from + "&to=" + to)
                    .key(ANALYST)).json();
            assertEquals(periods, report.get("cells").size(), "no breakdown: one total per period");
        });
    }

    @Test
    void theDimensionsKeepTheOrderAskedForAndAnEmptyByMeansTotalsOnly() {
        TestServer.with(fakes, client -> {
            JsonNode report = client.send(Call.get(NPS + "?period=YEAR&from=2026&to=2026&by=LANGUAGE,CHANNEL")
                    .key(ANALYST)).json();
            assertEquals("[\"LANGUAGE\",\"CHANNEL\"]", report.get("by").toString());
            List<String> keys = new ArrayList<>();
            report.get("cells").get(1).fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("period", "language", "channel", "suppressed"), keys.subList(0, 4));
            JsonNode empty = client.send(Call.get(NPS + "?period=YEAR&from=2026&to=2026&by=").key(ANALYST)).json();
            assertEquals("[]", empty.get("by").toString());
            assertEquals(1, empty.get("cells").size());
        });
    }

    // --- CSV

    @Test
    void theCsvHasAHeaderAndOneRowPerCellInOrder() {
        TestServer.with(fakes, client -> {
            Answer csv = client.send(Call.get(CSV + "?period=MONTH&from=2026-10&to=2026-11&by=CHANNEL,LANGUAGE")
                    .key(ANALYST));
            assertEquals("text/csv; charset=utf-8", csv.header("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"nps-MONTH-2026-10-2026-11.csv\"",
                    csv.header("Content-Disposition").orElse(""));
            assertTrue(csv.text().endsWith("\r\n"), "CRLF line ends");
            List<String> lines = List.of(csv.text().split("\r\n"));
            assertEquals("period,channel,language,answers,promoters_pct,passives_pct,detractors_pct,nps,margin,"
                    + "suppressed", lines.get(0));
            assertEquals(1 + 2 * (1 + 6), lines.size());
            assertEquals("2026-10,,,200,60.0,25.0,15.0,45.0,10.3,false", lines.get(1), "a total: no values");
            assertEquals("2026-10,BRANCH,fi,22,54.5,27.3,18.2,36.4,32.2,false", lines.get(2));
        });
    }

    @Test
    void aSuppressedRowHasEmptyNumbers() {
        TestServer.with(fakes, client -> {
            String csv = client.send(Call.get(CSV + QUERY).key(ANALYST)).text();
            List<String> suppressed = csv.lines().filter(line -> line.endsWith(",true")).toList();
            assertEquals(2, suppressed.size());
            for (String line : suppressed) {
                assertTrue(line.matches("2026-\\d\\d,[A-Z_]+,,,,,,,true"), line);
            }
        });
    }

    @Test
    void textValuesAreEscapedAndCannotBecomeFormulas() {
        List<String> controllers = List.of(FakeUseCases.FORMULA_CONTROLLER, "+358 sales", "-2+3", "@SUM(A1)",
                "\tTabbed", "OP, Retail", "Say \"hi\"", "Two\nlines", "Plain");
        fakes.reportCells = query -> controllers.stream().map(name -> new ReportCell(query.from(),
                Map.of(Dimension.CONTROLLER, name), Optional.of(new NpsCounts(2, 3, 7)))).toList();
        TestServer.with(fakes, client -> {
            String csv = client.send(Call.get(CSV + "?period=YEAR&from=2026&to=2026&by=CONTROLLER").key(ANALYST))
                    .text();
            List<List<String>> rows = parse(csv);
            List<String> written = rows.subList(1, rows.size()).stream().map(row -> row.get(1)).toList();
            assertEquals(List.of("'" + FakeUseCases.FORMULA_CONTROLLER, "'+358 sales", "'-2+3", "'@SUM(A1)",
                    "'\tTabbed", "OP, Retail", "Say \"hi\"", "Two\nlines", "Plain"), written);
            assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), csv);
            assertTrue(csv.contains(",\"OP, Retail\","), csv);
            assertEquals("-41.7", rows.get(1).get(6), "a negative NPS is a number, not defused text");
        });
    }

    @Test
    void theCsvSaysWhatTheJsonSays() {
        TestServer.with(fakes, client -> {
            String query = "?period=MONTH&from=2026-06&to=2026-11&by=CHANNEL,CONTROLLER";
            JsonNode cells = client.send(Call.get(NPS + query).key(ANALYST)).json().get("cells");
            List<List<String>> rows = parse(client.send(Call.get(CSV + query).key(ANALYST)).text());
            assertEquals(cells.size() + 1, rows.size());
            for (int i = 0; i < cells.size(); i++) {
                assertCsvRowIsCell(cells.get(i), rows.get(i + 1), List.of("channel", "controller"));
            }
        });
    }

    /** A CSV row and a JSON cell hold the same period, values and figures; a defused value has its apostrophe. */
    static void assertCsvRowIsCell(JsonNode cell, List<String> row, List<String> dimensions) {
        assertEquals(cell.get("period").asText(), row.get(0));
        for (int d = 0; d < dimensions.size(); d++) {
            String value = cell.has(dimensions.get(d)) ? cell.get(dimensions.get(d)).asText() : "";
            String csvValue = row.get(1 + d);
            assertEquals(value, csvValue.startsWith("'") ? csvValue.substring(1) : csvValue);
        }
        int at = 1 + dimensions.size();
        boolean suppressed = cell.get("suppressed").asBoolean();
        assertEquals(Boolean.toString(suppressed), row.get(at + 6));
        List<String> fields = List.of("answers", "promoters", "passives", "detractors", "nps", "margin");
        for (int f = 0; f < fields.size(); f++) {
            assertEquals(cell.has(fields.get(f)) ? cell.get(fields.get(f)).asText() : "", row.get(at + f),
                    fields.get(f));
        }
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote only opens a field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "CR only before LF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertFalse(c == '\n', "a bare line feed outside quotes");
                field.append(c);
            }
        }
        assertFalse(quoted, "an unclosed quote");
        assertEquals(0, field.length() + row.size(), "the last record ends with CRLF");
        int width = rows.get(0).size();
        rows.forEach(r -> assertEquals(width, r.size(), "every row as wide as the header: " + r));
        return rows;
    }

    static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
