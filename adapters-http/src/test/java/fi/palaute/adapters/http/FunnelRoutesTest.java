package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.invitation.ShowFunnelQuery;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);

    private final FakeUseCases fakes = new FakeUseCases();
    private final Survey survey = fakes.addSurvey(FakeUseCases.transactionalEmail(), SurveyState.ACTIVE);
    private final String funnel = "/api/v1/surveys/" + survey.id() + "/funnel";

    @Test
    void everyDayOfTheRangeIsListedInOrderWithZerosFilledIn() {
        AtomicReference<ShowFunnelQuery> seen = new AtomicReference<>();
        fakes.showFunnel = query -> {
            seen.set(query);
            return java.util.Optional.of(List.of(
                    new FunnelCount(survey.id(), LocalDate.of(2026, 3, 1), FunnelStep.INVITED, 12),
                    new FunnelCount(survey.id(), LocalDate.of(2026, 2, 27), FunnelStep.NOT_SAMPLED, 40),
                    new FunnelCount(survey.id(), LocalDate.of(2026, 2, 27), FunnelStep.REDELIVERED, 3)));
        };
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get(funnel + "?from=2026-02-27&to=2026-03-01").key(ADMIN));
            JsonNode body = answer.json();
            assertEquals(survey.id().value(), body.get("surveyId").asText());
            assertEquals("2026-02-27", body.get("from").asText());
            assertEquals("2026-03-01", body.get("to").asText());
            JsonNode days = body.get("days");
            assertEquals(3, days.size(), "27 and 28 February and 1 March");
            assertEquals("{\"day\":\"2026-02-27\",\"STALE\":0,\"PROHIBITED\":0,\"RESTING\":0,\"NOT_SAMPLED\":40,"
                    + "\"NO_CONTACT_POINT\":0,\"INVITED\":0,\"REDELIVERED\":3}", days.get(0).toString());
            assertEquals("{\"day\":\"2026-02-28\",\"STALE\":0,\"PROHIBITED\":0,\"RESTING\":0,\"NOT_SAMPLED\":0,"
                    + "\"NO_CONTACT_POINT\":0,\"INVITED\":0,\"REDELIVERED\":0}", days.get(1).toString());
            assertEquals(12, days.get(2).get("INVITED").asLong());
            assertFalse(answer.text().contains("customer"), "counts only");
        });
        assertEquals(new ShowFunnelQuery(survey.id(), LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 1)), seen.get());
    }

    @Test
    void oneDayAndTheLongestRange() {
        TestServer.with(fakes, client -> {
            assertEquals(1, client.send(Call.get(funnel + "?from=2026-11-25&to=2026-11-25").key(ADMIN)).json()
                    .get("days").size());
            JsonNode days = client.send(Call.get(funnel + "?from=2024-01-01&to=2024-12-31").key(ADMIN)).json()
                    .get("days");
            assertEquals(366, days.size(), "a leap year");
            assertEquals("2024-12-31", days.get(365).get("day").asText());
        });
    }

    @Test
    void anUnknownOrImpossibleSurveyIs404() {
        TestServer.with(fakes, client -> {
            assertEquals(404, client.sendBad(Call.get("/api/v1/surveys/nope/funnel?from=2026-01-01&to=2026-01-02")
                    .key(ADMIN)).status());
            assertEquals(404, client.sendBad(Call.get("/api/v1/surveys/n%20pe/funnel?from=2026-01-01&to=2026-01-02")
                    .key(ADMIN)).status());
        });
        assertEquals(1, fakes.calls("showFunnel"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no range                | ''                                   | query.from",
            "no end                  | ?from=2026-01-01                     | query.to",
            "no start                | ?to=2026-01-01                       | query.from",
            "not a date              | ?from=yesterday&to=2026-01-01        | query.from",
            "no such day             | ?from=2026-02-30&to=2026-03-01       | query.from",
            "a date-time             | ?from=2026-01-01T00:00&to=2026-01-02 | query.from",
            "end before start        | ?from=2026-01-02&to=2026-01-01       | query.to",
            "367 days                | ?from=2024-01-01&to=2025-01-01       | query.to",
            "unknown parameter       | ?from=2026-01-01&to=2026-01-02&by=week | query.by",
    })
    void aBadRangeIs400(String what, String query, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(funnel + query).key(ADMIN));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertFalse(answer.text().contains("yesterday"));
        });
        assertEquals(0, fakes.calls("showFunnel"), "the use case was not asked");
    }
}
