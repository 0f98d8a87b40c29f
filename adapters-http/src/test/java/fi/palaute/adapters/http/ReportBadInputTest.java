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
import fi.palaute.domain.access.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad report parameter is a 400 validation Problem naming the parameter, on the JSON and the CSV route alike,
 * and the report is never asked for. Reasons never repeat what was sent.
 */
class ReportBadInputTest {

    private static final String ANALYST = keyFor(Role.ANALYST);

    private final FakeUseCases fakes = new FakeUseCases();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "a date                     | period=MONTH&from=2026-11-15&to=2026-11        | query.from",
            "a date as to               | period=MONTH&from=2026-11&to=2026-11-30        | query.to",
            "a quarter as a month       | period=MONTH&from=2026-Q1&to=2026-11           | query.from",
            "a month as a week          | period=ISO_WEEK&from=2026-W01&to=2026-11       | query.to",
            "a week as a year           | period=YEAR&from=2026-W01&to=2026              | query.from",
            "month 13                   | period=MONTH&from=2026-13&to=2026-12           | query.from",
            "week 53 of a 52-week year  | period=ISO_WEEK&from=2025-W53&to=2026-W01      | query.from",
            "quarter 5                  | period=QUARTER&from=2026-Q5&to=2026-Q4         | query.from",
            "a year before 1970         | period=YEAR&from=1969&to=2026                  | query.from",
            "from after to              | period=MONTH&from=2026-11&to=2026-10           | query.to",
            "a range over MAX_RANGE     | period=ISO_WEEK&from=2000-W01&to=2026-W01      | query.to",
            "missing period             | from=2026-01&to=2026-11                        | query.period",
            "unknown period             | period=FORTNIGHT&from=2026-01&to=2026-11            | query.period",
            "lower-case period          | period=month&from=2026-01&to=2026-11           | query.period",
            "missing from               | period=MONTH&to=2026-11                        | query.from",
            "missing to                 | period=MONTH&from=2026-11                      | query.to",
            "empty from                 | period=MONTH&from=&to=2026-11                  | query.from",
            "from twice                 | period=MONTH&from=2026-01&from=2026-02&to=2026-11 | query.from",
            "unknown dimension          | period=MONTH&from=2026-01&to=2026-11&by=CHANNEL,WEATHER | query.by",
            "a dimension twice          | period=MONTH&from=2026-01&to=2026-11&by=CHANNEL,CHANNEL | query.by",
            "three dimensions           | period=MONTH&from=2026-01&to=2026-11&by=CHANNEL,SURVEY,LANGUAGE | query.by",
            "lower-case dimension       | period=MONTH&from=2026-01&to=2026-11&by=channel | query.by",
            "trailing comma             | period=MONTH&from=2026-01&to=2026-11&by=CHANNEL, | query.by",
            "by twice                   | period=MONTH&from=2026-01&to=2026-11&by=CHANNEL&by=LANGUAGE | query.by",
            "an unknown parameter       | period=MONTH&from=2026-01&to=2026-11&day=2026-11-15 | query.day",
    })
    void badParametersAre400NamingTheParameter(String what, String query, String parameter) {
        TestServer.with(fakes, client -> {
            for (String route : List.of(ReportRoutesTest.NPS, ReportRoutesTest.CSV)) {
                Answer answer = client.sendBad(Call.get(route + "?" + query).key(ANALYST));
                assertEquals(400, answer.status(), what + " " + route);
                JsonNode problem = answer.json();
                assertEquals("urn:palaute:problem:validation", problem.get("type").asText());
                List<String> named = new ArrayList<>();
                problem.get("invalidParams").forEach(p -> named.add(p.get("name").asText()));
                assertTrue(named.contains(parameter), what + ": " + named);
                for (String echoed : List.of("2026-11-15", "2026-11-30", "WEATHER", "FORTNIGHT", "2026-13", "2025-W53")) {
                    assertFalse(query.contains(echoed) && answer.text().contains(echoed), "not echoed: " + echoed);
                }
            }
        });
        assertEquals(0, fakes.calls("showNpsReport"), "the report was never asked for");
    }

    @Test
    void aDateIsToldThatReportsCoverWholePeriods() {
        TestServer.with(fakes, client -> {
            JsonNode problem = client.sendBad(Call.get(ReportRoutesTest.NPS
                    + "?period=MONTH&from=2026-11-15&to=2026-11").key(ANALYST)).json();
            assertEquals("reports cover whole periods: a MONTH looks like 2026-11; free date ranges are not offered",
                    problem.at("/invalidParams/0/reason").asText());
            JsonNode week = client.sendBad(Call.get(ReportRoutesTest.NPS
                    + "?period=ISO_WEEK&from=2026-11-16&to=2026-W48").key(ANALYST)).json();
            assertEquals("reports cover whole periods: a ISO_WEEK looks like 2026-W48; free date ranges are not offered",
                    week.at("/invalidParams/0/reason").asText());
        });
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        TestServer.with(fakes, client -> {
            JsonNode problem = client.sendBad(Call.get(ReportRoutesTest.NPS
                    + "?period=MONTH&from=2026-11-01&to=2026-Q4&by=WEATHER").key(ANALYST)).json();
            List<String> named = new ArrayList<>();
            problem.get("invalidParams").forEach(p -> named.add(p.get("name").asText()));
            assertEquals(List.of("query.from", "query.to", "query.by"), named);
        });
        assertEquals(0, fakes.calls("showNpsReport"));
    }

    @Test
    void theLongestRangeAllowedIsServed() {
        TestServer.with(fakes, client -> {
            // 530 ISO weeks from 2016-W01: the last is 2026-W09 (2020 has 53 weeks)
            Answer answer = client.send(Call.get(ReportRoutesTest.NPS + "?period=ISO_WEEK&from=2016-W01&to=2026-W09")
                    .key(ANALYST));
            assertEquals(530, answer.json().get("cells").size());
            Answer over = client.sendBad(Call.get(ReportRoutesTest.NPS + "?period=ISO_WEEK&from=2016-W01&to=2026-W10")
                    .key(ANALYST));
            assertEquals(400, over.status());
            assertEquals("query.to", over.json().at("/invalidParams/0/name").asText());
        });
    }
}
